/**
 * A customer-service thesaurus in the 同义词词林 tradition: each group is one concept, the everyday words visitors use
 * for it first or anywhere, in Chinese and English. Every knowledge base gets these groups after its own
 * `_synonyms.yaml` (its own groups win a shared word, and a concept that meets one of them joins it), so 写信 finds
 * 邮件, 派人来 finds 上门 and 没花钱 finds 免费 without each knowledge base spelling them out.
 *
 * Words match as substrings of the normalised text (Latin ones on word boundaries), longest first, so a group holds
 * no single common character and no word that is part of unrelated ones (十一 is in 十一点; 信 is in 微信).
 * Written from general usage, checked only against the development questions (`eval/low-overlap-dev`, `eval/demo-dev`).
 */
import type { SynonymGroup } from '../types.ts';

/** `KEFU_THESAURUS=off` leaves every matcher of the process with its knowledge base's own synonym groups only. */
export function thesaurusSwitchedOff(): boolean {
  return /^(off|0|false|no)$/i.test(process.env.KEFU_THESAURUS ?? '');
}

export const SERVICE_THESAURUS: readonly (readonly string[])[] = [
  // complaining about service or staff
  ['投诉', '告状', '举报', '控告', '不爽', '气死', '太差劲', '讨说法', '讨个说法', '维权', '曝光你们', 'complain', 'complaint', 'grievance', 'dissatisfied', 'bad service'],
  // someone above the agent
  ['主管', '领导', '上级', '上司', '更高一级', '更高层', '高层', '老板', '管事的', '说了算的', 'manager', 'supervisor', 'boss', 'higher up', 'someone senior'],
  // the phone line
  ['电话', '号码', '打过去', '打进去', '打进来', '拨号', '座机', '打电话'],
  // a phone that does not get through
  ['占线', '忙线', '打不通', '打不进', '通话中', '没人接', '接不通', '无人接听', '忙音', '一直在通话', 'busy signal', 'engaged', 'busy tone', 'line is busy', "can't get through", 'cannot get through', 'nobody answers', 'no one answers'],
  // writing to us
  ['邮件', '写信', '发信', '来信', '去信', '封信', '信箱', '电子信箱', '电邮', '发个邮件', 'write to you'],
  // how long
  ['多久', '多少天', '几个小时', '多少小时', '几小时', '多长', '要等多久', '多快', '几天', '多少时间', 'how long', 'how soon', 'how quickly', 'how many days', 'how many hours'],
  // what time, when open
  ['几点', '到几点', '开门', '关门', '打烊', '收工', '上班', '下班', 'what time', 'open until', 'opening hours', 'start and finish', 'business hours'],
  // at night
  ['晚上', '半夜', '凌晨', '深夜', '夜里', '夜间', '大半夜', '后半夜', '晚间', 'at night', 'late at night', 'midnight', 'overnight'],
  // the weekend
  ['周末', '礼拜六', '礼拜日', '礼拜天', '星期六', '星期日', '星期天', '周六', '周日', '双休', 'weekend', 'saturday', 'sunday'],
  // public holidays
  ['节假日', '长假', '黄金周', '劳动节', '国庆', '元旦', '端午', '中秋', '清明', '除夕', '春节', '过年', '放假', 'public holiday', 'bank holiday', 'golden week'],
  // paying for something
  ['收费', '掏钱', '花钱', '付钱', '给钱', '收钱', '额外费用', '另外收费', '要给多少', '花多少', '多少钱', '要钱', '费用', '价格', 'bill me'],
  // costing nothing
  ['免费', '没花钱', '不花钱', '不用钱', '不掏钱', '不要钱', '不收费', '无偿', '白送', 'free of charge', 'no charge', 'without paying', 'costs nothing'],
  // the free plan and its users
  ['免费版', '免费用户', '免费账号', '没付费的', '没花钱的', '不付费的', 'free plan', 'free tier', 'free user', 'free account'],
  // a paid plan
  ['付费版', '套餐', '服务包', '高级版', '收费版', '会员'],
  // waiting in a queue
  ['排队', '轮到', '排了', '排着', '干等', '等了半天', '等半天', '等了很久', '等很久', '等好久'],
  // how far it has got
  ['进度', '进展', '到哪一步', '到哪步', '什么情况了', '怎么样了', '有消息', '有没有消息', '处理到哪', '有结果'],
  // the ticket and its number
  ['工单', '单子', '报修单', '服务单', '受理单', '受理号', '受理编号', '编号', '跟踪号', 'ticket number', 'case number', 'reference number', 'ticket id'],
  // reporting a problem so it is tracked
  ['报修', '报障', '登记', '提单', '报个修', '报的修', '故障上报', 'report a problem', 'report an issue', 'log a ticket', 'raise a ticket', 'file a ticket', 'open a ticket'],
  // something broken
  ['故障', '毛病', '坏掉', '坏了', '用不了', '用不成', '不能用', '没法用', '挂了', '崩了', '崩溃', '宕机', '瘫痪', '不好使', '失灵', '死机', '出毛病', '罢工', '出状况', 'not working', 'stopped working', 'crashed', 'went down', 'went dark'],
  // getting it working again
  ['解决', '修好', '弄好', '搞好', '搞定', '修复', '修理', '处理好', '恢复正常', 'get it fixed', 'sort it out'],
  // someone coming to the customer
  ['上门', '派人', '派个人', '派师傅', '师傅', '技术员', '来一趟', '过来一趟', '跑一趟', '来我家', '到我家', '来家里', '到家里', '来我们公司', '到现场', '登门', '过来看看', '来看看', 'send someone', 'home visit', 'on-site', 'onsite'],
  // the people behind support
  ['技术专家', '工程师', '专家', '技术团队', '技术大牛', '后台技术', 'specialists', 'technical staff'],
  // a human being rather than the bot
  ['人工', '活人', '真人', '工作人员', '服务人员', '客服人员', '真的人', '小哥', '小姐姐', 'real person', 'live person', 'actual person'],
  // typing to us online
  ['在线客服', '打字', '文字聊', '网上', '线上客服', '网页聊天', '聊天窗口', 'live chat', 'online chat', 'chat window', 'text chat', 'by typing'],
  // being called back
  ['回电', '回拨', '回个电话', '回电话', '打过来', '打给我', '打回来', 'call me back', 'ring me back', 'phone me back'],
  // leaving word for later
  ['留言', '留个话', '留话', '留个信息', '说一声', '先写下来', '留个言', 'leave a message', 'leave a note', 'drop a message', 'leave word'],
  // urgency
  ['紧急', '急死', '着急', '急事', '很急', '火急', '十万火急', '要命', '急用'],
  // a signed customer
  ['签约', '签了合同', '签合同', '合同客户', '签了协议', '有协议', 'contracted', 'signed agreement', 'under contract', 'contract customer'],
  // an organisation rather than a person
  ['企业', '公司', '单位', '集团', '机构', 'organisation', 'organization'],
  // doing business together
  ['合作', '联名', '谈生意', '做生意', '商务合作', '加盟', '代理商', 'partnership', 'partner with', 'collaborate', 'business deal'],
  // praising or scoring the service
  ['评价', '夸夸', '夸奖', '夸一夸', '夸他', '夸她', '表扬', '点赞', '称赞', '好评', '高分', '打星', '五星', 'praise', 'compliment', 'thumbs up'],
  // being asked afterwards how it went
  ['回访', '满不满意', '满意不满意', '问我满意', '问卷', '调查问卷', '回访电话', 'survey', 'questionnaire', 'follow-up call'],
  // ideas for the product
  ['建议', '点子', '主意', '改进意见', '金点子', '想法'],
  // something given in return
  ['奖励', '好处', '奖品', '礼品', '积分', '红包', '回报'],
  // a periodic summary
  ['报告', '成绩单', '季报', '月报', '报表', '汇总', 'report card'],
  // money back for a broken promise
  ['补偿', '赔偿', '赔钱', '减钱', '减点钱', '便宜点', '打折', '折扣', '抵扣'],
  // later than promised
  ['超时', '拖了', '拖延', '延误', '耽误', '拖太久', '拖这么久', '逾期'],
  // a security hole
  ['漏洞', '被黑', '黑进', '黑客', '安全隐患', '后门', 'vulnerability', 'security hole', 'security flaw'],
  // someone working on the customer's screen from afar
  ['远程协助', '向日葵', '远程桌面', '连我电脑', '控制我电脑', '连我的电脑', '控制我的电脑', 'remote desktop', 'todesk', 'teamviewer', 'anydesk', 'log into my computer', 'control my computer', 'screen share'],
  // seeing each other on video
  ['视频', '摄像头', '视频通话', '开视频', 'webcam', 'video call'],
  // teaching a group
  ['培训', '上课', '讲课', '授课', '课程', '面对面的课', '来教', 'training'],
  // written instructions
  ['教程', '说明书', '手册', '使用说明', '操作说明', '用户指南', 'tutorial', 'manual', 'user guide', 'how-to guide'],
  // where users talk to each other
  ['社区', '论坛', '交流群', '用户群', '社群', '贴吧', '交流的地方', 'forum', 'community'],
  // people who write code
  ['开发者', '程序员', '码农', '写代码', '开发人员', 'developer', 'programmer', 'coder'],
  // the customer's own account and payments
  ['账户', '账号', '帐号', '帐户', '登不上', '登录不了', '登不进', '扣了两次', '重复扣费', '多扣', '扣钱', '扣了钱', '支付', '付款', '充值', '账单', '发票', '开发票', '开票', '开具发票', '收据', '对账单'],
  // warranty
  ['保修', '保内', '保外', '在保', '过保', '质保', '保修期', '三包', 'warranty'],
  // the bot does not get it
  ['听不懂', '答非所问', '不是我要的', '不是我想要', '牛头不对马嘴', '不理解', "doesn't understand", 'not what i asked'],
  // a service-wide status
  ['服务状态', '状态页', '系统状态', '运行状态', 'status page', 'system status'],
  // being passed between people
  ['转来转去', '踢皮球', '推来推去', '互相推', '推诿', '转了好几个', '换了好几个人', 'passed around', 'bounced around', 'transferred again'],
  // getting ready
  ['准备', '备好', '准备好', '需要带', '带上'],
  // an older release
  ['旧版本', '老版本', '旧版', '老版', '低版本', '很旧的版本', '停更', '过时', 'old version', 'older version', 'outdated', 'legacy version'],
  // a place to walk into
  ['网点', '门店', '实体店', '营业厅', '办事处', '办公室', '柜台', '线下', '服务中心', 'walk in', 'walk into', 'service centre', 'service center'],
  // far from a city
  ['偏远', '乡下', '农村', '村里', '山区', '郊区', '小地方', '镇上', '县城', 'rural', 'countryside', 'village', 'remote area', 'small town'],
  // social networks
  ['社交媒体', '社交平台', '社交账号', '微博', '抖音', '小红书', 'social media', 'weibo', 'twitter', 'instagram'],
  // booking a time
  ['预约', '下单', '约个时间', '约时间', '订个时间', 'appointment'],
  // ahead of time
  ['提前', '事先', '预先', '提早', '多早', 'in advance', 'ahead of time', 'beforehand'],
  // what no one controls
  ['不可抗力', '停电', '断网', '断电', '天灾', '自然灾害', '地震', '台风', '洪水', 'power cut', 'power outage', 'natural disaster'],
  // hearing back at all
  ['回复', '回音', '回话', '音讯', '搭理', '理睬', '没人理', '回我', '答复我', 'get back to me', 'hear back', 'hear from you'],
  // being shown how
  ['指导', '教我', '手把手', '带着我操作', '演示', 'walk me through', 'show me how'],
  // privacy
  ['隐私', '泄露', '偷看', '窥探', '个人信息', 'privacy', 'snoop'],
  // permission
  ['授权', '同意', '允许', '许可', 'permission', 'consent'],
  // safe to trust
  ['安全', '靠谱', '放心', '可靠', '可信', '稳妥'],
  // a call that is picked up
  ['接通', '打通', '接起', '接听', 'pick up', 'answer the phone'],
  // forgetting or losing something
  ['忘记', '忘了', '丢了', '不记得', '记不得', '想不起'],
  // again and again
  ['多次', '反复', '好几次', '屡次', '一再', '三番五次', '又一次', '再三', 'again and again', 'repeatedly', 'several times', 'many times'],
  // proof of purchase
  ['凭证', '购买记录', '购买证明', '小票', '保修卡', 'proof of purchase', 'purchase record'],
  // pictures of the problem
  ['截图', '截屏', '录屏', '拍照', '照片', '拍个照', 'screenshot', 'screen recording'],
  // putting a problem into words
  ['描述', '说清楚', '讲清楚', '说明白', '讲明白', '表达清楚', 'describe', 'explain clearly'],
  // installing software
  ['安装', '装不上', '装不好', '装软件', '装机', '部署'],
  // a computer
  ['电脑', '笔记本', '台式机', '主机'],
  // the staff of a customer's company
  ['员工', '同事', '新员工', '新人', '团队成员'],
  // price lists
  ['收费标准', '报价', '价目', '价目表'],
  // the product's website
  ['官网', '官方网站', '网站', '主页', 'website', 'official site', 'homepage'],
  // how serious a fault is
  ['等级', '级别', '档次', '严重程度', 'severity', 'severity level'],
  // nobody following a matter up
  ['跟进', '有人管', '有人跟', '不了了之', '没下文', '没有下文', '石沉大海', '置之不理', '敷衍', 'follow up', 'followed up'],
  // ways to reach someone
  ['渠道', '途径', '门路', '路子', 'channel', 'channels'],
  // programming interfaces
  ['接口', '调用接口', '对接接口', '二次开发', 'api call', 'integration'],
  // after-sales
  ['售后', '售后服务', '售后支持', 'after-sales', 'after sales'],
  // one person looking after a customer
  ['客户经理', '对接人', '专人', '专门负责', '专属顾问', '顾问', 'dedicated contact', 'account manager'],
  // the customer's live business
  ['生产环境', '线上业务', '生产系统', '业务中断', '业务停了', 'production', 'live system'],
  // better service for more money
  ['增值服务', '高级服务', '更高级别', '更高级', 'vip服务', '加钱', 'premium support', 'vip service'],
  // papers and details to hand over
  ['资料', '材料', '证明材料', '相关信息', 'documents', 'paperwork'],
  // knowing how to go about it
  ['技巧', '窍门', '诀窍', '秘诀', '小窍门', 'tips', 'tricks'],
  // talking with support
  ['沟通', '交流', '打交道', 'communicate', 'communication'],
  // what a service covers
  ['范围', '管什么', '管哪些', '负责哪些', '业务范围', 'scope'],
  // sooner than usual
  ['加急', '插队', '优先安排', '尽快', '马上', '立刻', 'right away', 'as soon as possible'],
  // a visit that fixed nothing
  ['没解决', '没修好', '修不好', '没弄好', '弄不好', '没搞定', '搞不定', '白跑一趟', '白来一趟', 'not fixed', 'still broken'],
  // what the bot can do
  ['功能', '能干什么', '能做什么', '会干什么', '会做什么', '能干嘛', '有什么用', '本事', '本领', '能帮我什么', 'what can you do', 'what are you able'],
  // finding the answer oneself
  ['自助', '自己查', '自己解决', '自己动手', '自己搞定', '帮助文档', 'self-service', 'self service'],
  // losing data
  ['数据丢失', '丢数据', '数据没了', '数据不见了', '资料丢了', 'data loss', 'lost data'],
  // the main features
  ['核心功能', '主要功能', '关键功能', '主功能', '核心业务', 'core feature', 'main feature'],
  // a minor problem
  ['小问题', '小毛病', '小事', '小故障', '不影响使用', '不碍事', 'minor issue', 'small problem', 'minor problem'],
  // a promise made
  ['承诺', '保证', '答应过', '打包票', 'promise', 'promised'],
  // exceptions to a rule
  ['例外', '特殊情况', '除外', 'exception', 'exceptions'],
  // going faster
  ['加快', '更快', '快点', '快一些', '提速', '早点', 'speed up', 'faster', 'quicker'],
  // why it takes the time it takes
  ['因素', '原因', '缘故', '为什么这么慢', '慢的原因', 'factors', 'reasons'],
  // other companies
  ['同行', '别家', '其他公司', '竞争对手', '友商', '别人家', 'competitors', 'other companies'],
  // reputation
  ['口碑', '名声', '风评', 'reputation'],
  // checking what happened
  ['调查', '核实', '查证', '调查核实', 'investigate', 'look into'],
  // the phone menu
  ['按键', '按几', '按哪个键', '语音提示', '语音菜单', 'which key', 'menu option', 'press'],
  // who to turn to
  ['找谁', '问谁', '联系谁', '找哪个部门', '哪个部门', '谁管', '找哪位', 'who do i contact', 'who should i contact', 'who looks after', 'who handles'],
];

/**
 * The thesaurus's groups for a knowledge base with `own` synonym groups. A concept that shares a word with one of them
 * takes that group's first word as its own, so both say the same thing; `normalise` is the pipeline's normalisation
 * (words are compared as the pipeline will see them).
 */
export function serviceThesaurusFor(own: readonly SynonymGroup[], normalise: (word: string) => string): SynonymGroup[] {
  const headOf = new Map<string, string>();
  for (const group of own) {
    const head = group[0];
    if (head !== undefined) for (const word of group) if (!headOf.has(normalise(word))) headOf.set(normalise(word), head);
  }
  const join = (words: string[]): SynonymGroup => {
    const shared = words.find((word) => headOf.has(normalise(word)));
    return shared === undefined ? words : [headOf.get(normalise(shared))!, ...words];
  };
  // Chinese and English words of a concept are separate groups, each led by its own most common word: an English-only
  // knowledge base then gets no Chinese tokens, which would be rare there and so weigh far more than the words they stand for.
  return SERVICE_THESAURUS.flatMap((concept) => [concept.filter(isHan), concept.filter((w) => !isHan(w))].filter((words) => words.length > 1).map(join));
}

const isHan = (word: string): boolean => /\p{Script=Han}/u.test(word);
