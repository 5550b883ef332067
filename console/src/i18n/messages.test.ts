import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';
import { translator } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('zh-CN and English have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translator('zh-CN')('waiting', { time: '2:05' })).toBe('已等待 2:05');
    expect(translator('en')('acceptVisitor', { name: 'Ann' })).toBe('Accept Ann');
    expect(translator('en')('waiting')).toBe('Waiting {time}');
  });

  it('button names match the patterns browser tests rely on, in both languages', () => {
    for (const t of [translator('zh-CN'), translator('en')]) {
      expect(t('email')).toMatch(/邮箱|email/i);
      expect(t('password')).toMatch(/密码|password/i);
      expect(t('signIn')).toMatch(/登录|sign in|log in/i);
      expect(t('queueTitle')).toMatch(/排队|等待|queue|waiting/i);
      expect(t('acceptVisitor', { name: 'x' })).toMatch(/接入|接待|accept|take/i);
      expect(t('reply')).toMatch(/回复|输入|reply|message/i);
      expect(t('send')).toMatch(/发送|send/i);
      expect(t('closeConversation')).toMatch(/结束|关闭|close|end/i);
      expect(t('closeConfirm')).toMatch(/确定|确认|confirm|yes|结束|end|close/i);
      // Other buttons must not be mistaken for sign-in or close.
      expect(t('cancel')).not.toMatch(/结束|关闭|close|end|确定|确认|confirm|yes/i);
      expect(t('signOut')).not.toMatch(/登录|sign in|log in|结束|关闭|close/i);
      expect(t('removeFromList')).not.toMatch(/结束|关闭|close|end|发送|send/i);
    }
  });
});
