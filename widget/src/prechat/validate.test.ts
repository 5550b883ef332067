import { describe, expect, it } from 'vitest';
import { stringsFor } from './strings.ts';
import { answersOf, isContact, problems } from './validate.ts';

const zh = stringsFor('zh-CN');
const en = stringsFor('en');

describe('pre-chat form check', () => {
  it('asks for every field of a required form, in the visitor\'s language', () => {
    expect(problems({ name: '', contact: '', department: '' }, 'required', zh)).toEqual({
      name: '请填写您的姓名',
      contact: '请填写邮箱或电话',
      department: '请选择咨询部门',
    });
    expect(problems({ name: '', contact: '' }, 'required', en)).toEqual({ name: 'Please enter your name', contact: 'Please enter an email address or phone number' });
  });

  it('lets an optional form go empty, but not with a contact that is neither an email nor a phone', () => {
    expect(problems({ name: '', contact: '', department: '' }, 'optional', zh)).toEqual({});
    expect(problems({ contact: 'abc' }, 'optional', en)).toEqual({ contact: 'Enter a valid email address or phone number' });
    expect(problems({ name: '李四', contact: '138 0000 0000', department: 'tech' }, 'required', zh)).toEqual({});
  });

  it('takes emails and phone numbers as the server does', () => {
    for (const ok of ['li@example.com', '+86 138-0000-0000', '(010) 1234567']) expect(isContact(ok)).toBe(true);
    for (const bad of ['li@example', 'li example.com', '12', 'call me', '+86 138 0000 0000 0000 0000']) expect(isContact(bad)).toBe(false);
  });

  it('sends the filled fields only', () => {
    expect(answersOf({ name: '李四', contact: '', department: 'tech' })).toEqual({ name: '李四', department: 'tech' });
    expect(answersOf({})).toEqual({});
  });
});
