/**
 * Recognises a request for a human ("转人工", "talk to a person") as opposed to a question about human service
 * ("人工客服几点上班"): the text must name a human and contain nothing but request words besides.
 */
import { normaliseText } from '../text/normalise-text.ts';

const ZH_HUMAN = /人工|真人|活人|客服人员|客服专员|客服代表|工作人员|接线员|坐席|(?:转|找|要|叫|换)(?:个|一个|一位|位)?(?:客服|人)/;
// Everything a request for a human may contain besides the human; longest alternatives first.
const ZH_REQUEST =
  /客服小姐姐|客服人员|客服专员|客服代表|工作人员|人工客服|人工服务|人工坐席|可不可以|能不能|行不行|好不好|不要机器人|机器人|接线员|人工|真人|活人|坐席|客服|我要|我想|想要|需要|帮我|给我|帮忙|转接|转到|转给|马上|立刻|立即|现在|赶紧|快点|直接|怎么|如何|怎样|投诉|对话|说话|聊天|沟通|联系|呼叫|可以|能否|请|要|想|转|找|接|叫|换|让|和|跟|与|同|聊|谈|我|你们|你|的|个|一个|一位|位|吗|呢|吧|啊|呀|不|了|快|给|去|来|服务|\s/g;

const EN_HUMAN =
  /\b(?:humans?|persons?|people|agents?|representatives?|reps?|operators?|someone|somebody|staff|(?:talk|speak|chat|connect|transfer)\w*(?: me)?(?: to| with)?(?: a| the)? (?:customer )?(?:service|support))\b/;
const EN_REQUEST = new Set(
  ('i me my want wanna would like need to talk speak chat with a an the get connect connected transfer put through give real live ' +
    'actual can could may please pls plz now just you is there let hi hello hey help service customer support some one someone ' +
    'somebody human humans person persons people agent agents representative representatives rep reps operator operators staff ' +
    'not no bot robot more instead of how do reach contact asap immediately right away d id im')
    .split(' '),
);

/** True when `text` asks to be passed to a human agent. */
export function detectHandoff(text: string): boolean {
  return isHandoffRequest(normaliseText(text));
}

/** `detectHandoff` on text already through `normaliseText` (the matcher normalises each message once). */
export function isHandoffRequest(norm: string): boolean {
  if (norm === '') return false;
  if (ZH_HUMAN.test(norm)) {
    const rest = norm.replace(ZH_REQUEST, '');
    if (rest === '' || /^[a-z\s]*$/.test(rest) && isEnglishRequest(rest)) return true;
  }
  return EN_HUMAN.test(norm) && isEnglishRequest(norm);
}

function isEnglishRequest(norm: string): boolean {
  const words = norm.split(/[^a-z]+/).filter(Boolean);
  return words.every((w) => EN_REQUEST.has(w));
}
