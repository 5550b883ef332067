/**
 * A customer-service thesaurus in the 同义词词林 tradition: each group is one concept, the everyday words visitors use
 * for it first or anywhere, in Chinese and English. Every knowledge base gets these groups after its own
 * `_synonyms.yaml` (its own groups win a shared word, and a concept that meets one of them joins it), so 写信 finds
 * 邮件, 派人来 finds 上门 and 没花钱 finds 免费 without each knowledge base spelling them out.
 *
 * Words match as substrings of the normalised text (Latin ones on word boundaries), longest first, so a group holds
 * no single common character and no word that is part of unrelated ones (十一 is in 十一点; 信 is in 微信).
 * The concepts were chosen with the development questions in view (`eval/low-overlap-dev`, `eval/demo-dev`); most of
 * the everyday words were written without seeing any evaluation question or the content (README.md).
 */
import type { SynonymGroup } from '../types.ts';
import { switchedOffBy } from './semantic-layer.ts';

/** `KEFU_THESAURUS=off` leaves every matcher of the process with its knowledge base's own synonym groups only. */
export const thesaurusSwitchedOff = (): boolean => switchedOffBy('KEFU_THESAURUS');

export const SERVICE_THESAURUS: readonly (readonly string[])[] = [
  // complaining about service or staff
  ['投诉', '告状', '举报', '控告', '不爽', '气死', '太差劲', '讨说法', '讨个说法', '维权', '曝光你们', '吐槽', '坑人', '太坑了', '忽悠人', '态度恶劣', '态度太差', '服务太差', '消协', '消费者协会', '气人', '恶心人', '破服务', '垃圾服务', '态度差', '态度不好', '告你们', '坑爹', '差劲', '要曝光', 'complain', 'complaint', 'grievance', 'dissatisfied', 'bad service', 'fed up with', 'poor service', 'terrible service', 'unacceptable service', '有意见', '受气', '窝火', '恼火', '不专业', '服务态度', '怠慢', '不耐烦', '12315', '工信部', '找媒体'],
  // someone above the agent
  ['主管', '领导', '上级', '上司', '更高一级', '更高层', '高层', '老板', '管事的', '说了算的', '负责人', '你们经理', '找经理', '叫经理', '大领导', '组长', '往上反映', '向上反映', '升级处理', '管事儿的', '能做主的', '做得了主', '拍板的', '你们头儿', '上面的人', '值班经理', '店长', 'manager', 'supervisor', 'boss', 'higher up', 'someone senior', 'team leader', 'person in charge', 'someone in charge', '往上捅', '捅上去', '捅到上面', '找更上面的', '找上面的', '往上找', '再往上', '越级', '升级投诉', '要求升级', '总监', '老总', '更大的领导'],
  // the phone line
  ['电话', '号码', '打过去', '打进去', '打进来', '拨号', '座机', '打电话', '热线', '客服热线', '拨打', '致电', '打个电话', '来电', '通电话', '电联', '呼叫中心', '打给你们', '拨过去', '语音通话', 'by phone', 'over the phone', '客服电话', '服务电话', '联系电话', '客服号码', '热线号码', '电话号码', '400电话', '400号码', '专线', '服务热线', '打客服', 'call you', 'ring you', 'phone you', 'telephone', 'give you a call'],
  // a phone that does not get through
  ['占线', '忙线', '打不通', '打不进', '通话中', '没人接', '接不通', '无人接听', '忙音', '一直在通话', '无法接通', '没有人接', '嘟嘟声', '嘟嘟嘟', '不接电话', '拨不通', '一直嘟嘟', '打半天没人', '响半天没人', '响了半天', '没打通', '线路忙', '对方正忙', '打了半天没人', '拨了半天', 'busy signal', 'engaged', 'busy tone', 'line is busy', "can't get through", 'cannot get through', 'nobody answers', 'no one answers', 'keeps ringing', 'always busy', 'line was busy', 'could not get through', "couldn't get through", 'unable to get through', 'nobody picks up', 'no one picks up'],
  // writing to us
  ['邮件', '写信', '发信', '来信', '去信', '封信', '信箱', '电子信箱', '电邮', '发个邮件', '伊妹儿', '写个信', '寄信', '发到邮箱', '发你们邮箱', '邮箱地址', 'write to you', 'send an email', 'send you an email', 'drop an email', 'by email', 'via email', 'in writing', '邮箱', '电子邮件', '邮件地址', '客服邮箱', '发邮箱', '邮件联系', '写邮件', '发封邮件', 'email', 'e-mail', 'emails', 'emailing', 'emailed'],
  // how long
  ['多久', '多少天', '几个小时', '多少小时', '几小时', '多长', '要等多久', '多快', '几天', '多少时间', '几个钟头', '几分钟', '多少分钟', '几个工作日', '多少个工作日', '几周', '几个星期', '几个礼拜', '多会儿', '多大会儿', '几个钟', '几耐', '等到啥时候', '等到什么时候', '等到哪天', 'how long', 'how soon', 'how quickly', 'how many days', 'how many hours', 'how many minutes', 'how much time', 'how many working days', 'how many business days', 'turnaround time', 'time frame'],
  // what time, when open
  ['几点', '到几点', '开门', '关门', '打烊', '收工', '上班', '下班', '营业时间', '工作时间', '服务时间', '办公时间', '开放时间', '上下班', '开张', '歇业', '收摊', '值班时间', 'what time', 'open until', 'opening hours', 'start and finish', 'business hours', 'office hours', 'working hours', 'hours of operation', 'opening times', 'closing time', 'when do you open', 'when do you close', '几点上班', '几点下班', '上班时间', '下班时间', '几点开始', '几点结束', '几点有人', '什么时候有人', '啥时候有人', '时间段', '几点到几点', '营业时段', '服务时段', '接听时间', '在线时间', '几点能打', '啥时候能打', '什么时候能打'],
  // at night
  ['晚上', '半夜', '凌晨', '深夜', '夜里', '夜间', '大半夜', '后半夜', '晚间', '夜晚', '夜班', '晚班', '通宵', '天黑', '夜深', '傍晚', 'at night', 'late at night', 'midnight', 'overnight', 'in the evening', 'after hours', 'out of hours', 'night time', '非工作时间', '工作时间外', '下班后', '下班以后', '下了班', '非上班时间', '八小时以外', '上班时间以外'],
  // the weekend
  ['周末', '礼拜六', '礼拜日', '礼拜天', '星期六', '星期日', '星期天', '周六', '周日', '双休', '休息日', '单休', '大礼拜', '休息天', 'weekend', 'saturday', 'sunday'],
  // public holidays
  ['节假日', '长假', '黄金周', '劳动节', '国庆', '元旦', '端午', '中秋', '清明', '除夕', '春节', '过年', '放假', '假期', '假日', '小长假', '调休', '法定假', '年三十', '元宵', '圣诞', '过节', '节日', '正月', '大年初一', '五一', 'public holiday', 'bank holiday', 'golden week', "new year's day", 'chinese new year', 'spring festival', 'national day', 'statutory holiday', '逢年过节', '十一假期', '十一长假', '放不放假', '过节期间'],
  // paying for something
  ['收费', '掏钱', '花钱', '付钱', '给钱', '收钱', '额外费用', '另外收费', '要给多少', '花多少', '多少钱', '要钱', '费用', '价格', '付费', '价钱', '花费', '开销', '收多少', '算钱', '几块钱', '多少块', '服务费', '人工费', '手续费', '工本费', '贵不贵', '有偿', '很贵', '太贵', '多钱', '啥价', '什么价', '几钱', '交钱', '要不要钱', '收不收钱', '收不收费', '花不花钱', '用不用钱', '掏不掏钱', 'bill me', 'how much does it cost', 'how much is it', 'extra charge', 'additional cost', 'service fee', 'call-out fee', 'pay extra', '差旅费', '加班费', '路费', '车马费', '交通费', '跑腿费', '辛苦费', '检测费', '维修费', '话费', '通话费', 'price', 'prices', 'pricing', 'costs'],
  // costing nothing
  ['免费', '没花钱', '不花钱', '不用钱', '不掏钱', '不要钱', '不收费', '无偿', '白送', '白给', '不另收费', '分文不取', '不用花钱', '不用付钱', '不用给钱', '不用掏钱', '不收钱', '零收费', '不花一分钱', '白嫖', '免单', '白拿', '零元', '0元', '一分不花', '一分钱不要', '不用交钱', '不额外收费', '不另外收费', '不出钱', 'free of charge', 'no fee', 'no fees', 'fee free', "don't charge", "doesn't cost", "won't cost", 'complimentary', 'without a fee', 'zero fee', 'no extra cost', 'for nothing', 'no charge', 'without paying', 'costs nothing', 'for free', 'at no cost', 'no cost', 'without charge'],
  // the free plan and its users
  ['免费版', '免费用户', '免费账号', '没付费的', '没花钱的', '不付费的', '免费套餐', '试用版', '体验版', '免费账户', '没充钱的', '没开会员', '不是会员', '非会员', '没买会员', '没付钱的', '没交钱的', 'free plan', 'free tier', 'free user', 'free account', 'free version', 'free trial', 'trial account'],
  // a paid plan
  ['付费版', '套餐', '服务包', '高级版', '收费版', '会员', '专业版', '企业版', '旗舰版', '付费用户', '付费账号', '包年', '包月', '正式版', '年卡', '月卡', 'paid plan', 'paid version', 'premium plan', 'pro plan', 'paid account', 'paying customer', 'enterprise plan', 'upgrade', 'upgrading', 'upgraded', 'go premium'],
  // waiting in a queue
  ['排队', '轮到', '排了', '排着', '干等', '等了半天', '等半天', '等了很久', '等很久', '等好久', '排长队', '排号', '叫号', '前面还有', '排第几', '等候', '等了好久', '等了一上午', '等了一下午', '花儿都谢了', '轮候', '等老半天', '等了老半天', '等了好半天', '等好半天', '等了一天', '等到现在', '一直在等', '前面几个人', '前面有几个', 'in the queue', 'in a queue', 'on hold', 'hold music', 'wait time', 'waiting time'],
  // how far it has got
  ['进度', '进展', '到哪一步', '到哪步', '什么情况了', '怎么样了', '有消息', '有没有消息', '处理到哪', '有结果', '到哪了', '办到哪', '弄到哪', '搞到哪', '有眉目', '啥情况了', '咋样了', '好了没', '弄好没', '修好没', '处理了没', '最新情况', '有信儿', '处理得怎么样', '处理得咋样', '办好没', '弄完没', '搞完没', '办完没', '出结果', '弄得咋样', '搞得怎么样', 'any update', 'any updates', 'latest update', 'status update', 'any news', '处理状态', '查进度', '到什么地步', '到哪个阶段', '什么进度', '处理结果', '给个结果', '最终结果'],
  // the ticket and its number
  ['工单', '单子', '报修单', '服务单', '受理单', '受理号', '受理编号', '编号', '跟踪号', '维修单', '案件号', '投诉单', '提的单', '报的单', '那张单', '报障单', '故障单', '报修号', 'ticket number', 'case number', 'reference number', 'ticket id', 'case id', 'ref number', 'reference no', 'incident number', 'service request number', '工单号', '工单编号', '问题编号', '问题id', '案例编号', '服务单号', '工单查询', '查工单', '回执号'],
  // reporting a problem so it is tracked
  ['报修', '报障', '登记', '提单', '报个修', '报的修', '故障上报', '报故障', '报个故障', '提交工单', '开工单', '提个工单', '建单', '反映问题', '提交问题', '报个障', '提个单', '开个单', '建个单', '报上去', '反馈问题', '报给你们', 'report a problem', 'report an issue', 'log a ticket', 'raise a ticket', 'file a ticket', 'open a ticket', 'submit a ticket', 'create a ticket', 'report a fault', 'log a fault', 'log a call', 'report a bug'],
  // something broken
  ['故障', '毛病', '坏掉', '坏了', '用不了', '用不成', '不能用', '没法用', '挂了', '崩了', '崩溃', '宕机', '瘫痪', '不好使', '失灵', '死机', '出毛病', '罢工', '出状况', '出错', '报错', '卡死', '黑屏', '蓝屏', '打不开', '不动了', '不灵了', '歇菜', '趴窝', '抽风', '掉链子', '出岔子', '没有反应', '动不了', '不工作', '使不了', '连不上', '闪退', '卡住', '白屏', '开不了机', '不通电', '不好用', 'not working', 'stopped working', 'crashed', 'went down', 'went dark', 'is down', 'not responding', 'keeps crashing', 'stopped responding', 'out of order', 'playing up', 'acting up', "won't work", "doesn't work", "isn't working"],
  // getting it working again
  ['解决', '修好', '弄好', '搞好', '搞定', '修复', '修理', '处理好', '恢复正常', '搞掂', '摆平', '修一修', '修修', '排除故障', '捣鼓好', '拾掇好', '整好', '鼓捣好', '修一下', '排查', 'get it fixed', 'sort it out', 'fix it', 'fix this', 'get it working', 'get it repaired', 'sorted out', 'resolve the issue', 'repair', 'repairs', 'mend', 'get it mended'],
  // someone coming to the customer
  ['上门', '派人', '派个人', '派师傅', '师傅', '技术员', '来一趟', '过来一趟', '跑一趟', '来我家', '到我家', '来家里', '到家里', '来我们公司', '到现场', '登门', '过来看看', '来看看', '上我家', '上家里', '来我这', '到我这', '到府', '现场服务', '外勤', '维修工', '修理工', '过来修', '找人来', '叫人来', '入户', '家访', '来我们单位', '到我们单位', '来我们厂', '到我公司', '来我公司', '来现场', 'send someone', 'home visit', 'on-site', 'onsite', 'send a technician', 'send an engineer', 'come to my house', 'come to my home', 'field engineer', 'field service', 'technician visit', 'engineer visit', '现场支持', '现场处理', '现场解决', '派工程师', '当面处理', '现场排查', 'technician', 'repairman', 'repair man', 'someone to come out', 'come round', 'come over'],
  // the people behind support
  ['技术专家', '工程师', '专家', '技术团队', '技术大牛', '后台技术', '技术人员', '懂技术的', '专业人员', '大神', '大佬', '高手', '二线支持', '技术骨干', '懂行的', '行家', '内行', '大拿', '技术大拿', '搞技术的', '做技术的', '技术支持', '技术部', 'specialists', 'technical staff', 'tech team', 'technical team', 'support engineer', 'second-line support'],
  // a human being rather than the bot
  ['人工', '活人', '真人', '工作人员', '服务人员', '客服人员', '真的人', '小哥', '小姐姐', '接线员', '话务员', '坐席', '座席', '人类', '客服妹子', '真正的人', '值班人员', '有人在吗', '喘气的', '客服专员', '客服小妹', '客服姐姐', '真实的人', 'real person', 'real human', 'human being', 'actual human', 'speak to someone', 'talk to someone', 'speak to somebody', 'talk to somebody', 'speak to a person', 'talk to a person', 'speak to an agent', 'talk to an agent', 'support agent', 'live person', 'actual person', 'a human', 'human agent', 'live agent', 'an agent', 'speak to a human', 'talk to a human', 'an operator', 'customer service rep', 'a representative', '找个人', '人工服务', '真人客服'],
  // typing to us online
  ['在线客服', '打字', '文字聊', '网上', '线上客服', '网页聊天', '聊天窗口', '在线聊', '网聊', '在线咨询', '聊天框', '文字客服', '即时通讯', '线上聊', '线上咨询', '文字沟通', '对话框', '聊天界面', '发文字', 'live chat', 'online chat', 'chat window', 'text chat', 'by typing', 'web chat', 'chat support', 'chat online', 'chat box', 'instant messaging', '网上客服', '在线人工', '客服窗口', '在线问', '网上问', '线上问', '浮窗', '网页客服', '在线沟通', '在线交流'],
  // being called back
  ['回电', '回拨', '回个电话', '回电话', '打过来', '打给我', '打回来', '回个电', '给我打电话', '给我打个电话', '打我电话', '打我手机', '来个电话', '回过来', '回我电话', '回我个电话', '给我来电', '打我座机', '拨给我', '致电我', '电话联系我', '电联我', '打给俺', 'call me back', 'callback', 'return my call', 'returned my call', 'ring back', 'ring me back', 'phone me back', 'call back', 'give me a call', 'ring me', 'phone me', 'call me', '预约回电', '回电预约', '约个回电', '等回电', '安排回电'],
  // leaving word for later
  ['留言', '留个话', '留话', '留个信息', '说一声', '先写下来', '留个言', '留个口信', '口信', '捎个话', '带个话', '转告', '留个电话', '留个联系方式', '留下联系方式', '留句话', '留个条', '留个号', '留号码', '留个手机号', '留电话', '留下电话', '转达', '捎句话', '带句话', '帮我记下来', 'leave a message', 'leave a note', 'drop a message', 'leave word', 'leave a voicemail', 'leave my number', 'leave my details', 'pass on a message', 'take a message'],
  // urgency
  ['紧急', '急死', '着急', '急事', '很急', '火急', '十万火急', '要命', '急用', '急急急', '急需', '急着用', '赶时间', '等不了', '等不起', '火烧眉毛', '燃眉之急', '刻不容缓', '挺急', '比较急', '特别急', '非常急', '急疯了', '急坏了', '急得很', '太急了', '好急', '超急', '特急', '等不及', '耽误不起', '救命', 'time sensitive', '应急', '突发', '出大事', '紧急情况', '紧急支援', '紧急支持'],
  // a signed customer
  ['签约', '签了合同', '签合同', '合同客户', '签了协议', '有协议', '签过合同', '合同用户', '协议客户', '签了约', '框架协议', '有合同', '合同', '签过协议', '签协议', '签的协议', '签的合同', '合约', '签过约', 'contracted', 'signed agreement', 'under contract', 'contract customer', 'signed a contract', 'have a contract', 'contract client', 'service contract', '签约客户', '签约用户', '签约企业', '合同编号', '合同号', '协议号', '协议编号'],
  // an organisation rather than a person
  ['企业', '公司', '单位', '集团', '机构', '厂子', '工厂', '厂里', '政企', '团体', '法人', '对公', '工作室', 'organisation', 'organization', 'business customer', 'business customers', 'corporate client', 'our firm', '企业客户', '企业用户', '公司客户', '公司用户', '单位用户', '大客户', '集团客户', '机构客户', '政企客户', '企业账号', '公司账号', '商户'],
  // doing business together
  ['合作', '联名', '谈生意', '做生意', '商务合作', '加盟', '代理商', '经销商', '分销', '入驻', '共赢', '做代理', '招商', '渠道商', '经销', '商务洽谈', 'partnership', 'partner with', 'collaborate', 'business deal', 'become a partner', 'business cooperation', 'affiliate program'],
  // praising or scoring the service
  ['评价', '夸夸', '夸奖', '夸一夸', '夸他', '夸她', '表扬', '点赞', '称赞', '好评', '高分', '打星', '五星', '打分', '打个分', '点评', '满分', '点个赞', '赞一个', '夸一下', '锦旗', '感谢信', '竖大拇指', '给个赞', '赞一下', '五颗星', '赞美', '夸赞', '表彰', 'praise', 'compliment', 'thumbs up', 'leave a review', 'write a review', 'five stars', 'rate the service', '差评', '给差评', '中评', '评分', '评个分', '打个评价', '给客服打分', '评星', '星级', '服务评价', '评一下'],
  // being asked afterwards how it went
  ['回访', '满不满意', '满意不满意', '问我满意', '问卷', '调查问卷', '回访电话', '满意度', '调研', '电话调查', '满意调查', '调查表', '评价短信', '短信评价', 'survey', 'questionnaire', 'follow-up call', 'customer satisfaction', 'feedback form', 'how did we do'],
  // ideas for the product
  ['建议', '点子', '主意', '改进意见', '金点子', '想法', '提议', '献策', '出谋划策', '提需求', '功能需求', '许愿', '加个功能', '增加功能', '希望增加', '希望能加', 'feature request', 'product idea', 'wish list'],
  // something given in return
  ['奖励', '好处', '奖品', '礼品', '积分', '红包', '回报', '礼物', '赠品', '福利', '返现', '返利', '抽奖', '激励', '犒劳', '奖金', '送礼', '纪念品', '伴手礼', 'rewards', 'reward points', 'loyalty points', 'cashback', 'cash back', 'perks', 'air miles'],
  // a periodic summary
  ['报告', '成绩单', '季报', '月报', '报表', '汇总', '周报', '年报', '半年报', '简报', '日报', 'report card', 'monthly report', 'weekly report', 'quarterly report', 'annual report', 'monthly summary'],
  // money back for a broken promise
  ['补偿', '赔偿', '赔钱', '减钱', '减点钱', '便宜点', '打折', '折扣', '抵扣', '赔付', '弥补', '补贴', '减免', '打个折', '便宜些', '少收点', '少算点', '优惠点', '代金券', '赔我', '赔点钱', '赔一下', '赔多少', '赔不赔', '承担损失', '便宜一点', '少收一点', '打点折', 'goodwill gesture', 'service credit', 'service credits', 'money off', '能赔吗', '怎么赔', '咋赔', '补点钱', '退点钱', '退一部分钱', '违约金', '延长授权', '延长服务期', '谁来赔', '谁赔', '包赔', '赔给我'],
  // later than promised
  ['超时', '拖了', '拖延', '延误', '耽误', '拖太久', '拖这么久', '逾期', '迟到', '没按时', '没准时', '不准时', '超期', '迟迟', '一拖再拖', '拖拖拉拉', '磨磨蹭蹭', '慢吞吞', '拖到现在', '拖这么长', '拖着', '误期', '延期', '晚点了', '不守时', '拖沓', '过了期限', 'running late', 'behind schedule', 'taking too long', 'took too long', 'missed the deadline', 'past the deadline', 'delayed', 'delay', 'delays'],
  // a security hole
  ['漏洞', '被黑', '黑进', '黑客', '安全隐患', '后门', '中毒', '病毒', '木马', '被攻击', '入侵', '盗号', '被盗', '账号被盗', '帐号被盗', '被人黑', '钓鱼网站', '异地登录', 'vulnerability', 'security hole', 'security flaw', 'data breach', 'security issue', 'security bug', 'cyber attack'],
  // someone working on the customer's screen from afar
  ['远程协助', '向日葵', '远程桌面', '连我电脑', '控制我电脑', '连我的电脑', '控制我的电脑', '远程控制', '远程操作', '远程连接', '远程帮我', '远程一下', '连到我电脑', '共享屏幕', '屏幕共享', '共享桌面', '连一下我电脑', '连上我电脑', '控制电脑', '操作我电脑', '操控我电脑', '共享一下屏幕', 'remote desktop', 'todesk', 'teamviewer', 'anydesk', 'log into my computer', 'control my computer', 'screen share', 'remote access', 'remote control', 'remote support', 'remote assistance', 'remote session', 'share my screen', 'screen sharing'],
  // seeing each other on video
  ['视频', '摄像头', '视频通话', '开视频', '腾讯会议', '视讯', '露脸', '钉钉会议', '飞书会议', '露个脸', '线上会议', 'webcam', 'video call', 'video chat', 'video meeting', 'zoom call', 'zoom meeting'],
  // teaching a group
  ['培训', '上课', '讲课', '授课', '课程', '面对面的课', '来教', '讲座', '学习班', '带教', '网课', '公开课', '直播课', '上个课', '开个课', '集训', '训练营', 'training', 'training session', 'training course', 'teach our staff', 'teach our team', 'onboarding session'],
  // written instructions
  ['教程', '说明书', '手册', '使用说明', '操作说明', '用户指南', '指南', '指引', '说明文档', '教学视频', '操作步骤', '使用方法', '操作流程', '新手入门', 'tutorial', 'instructions', 'faq', 'faqs', 'knowledge base article', 'manual', 'user guide', 'how-to guide', 'quick start', 'getting started', 'step-by-step guide'],
  // where users talk to each other
  ['社区', '论坛', '交流群', '用户群', '社群', '贴吧', '交流的地方', '微信群', '讨论区', '交流区', '粉丝群', '官方群', '用户交流', 'qq群', '讨论组', '发帖', '帖子', 'forum', 'community', 'user group', 'discussion board', 'message board', 'other users', 'fellow users', '互助社区', '网友', '其他用户', '别的用户', '用户互助', '问答社区', '技术论坛', '发个帖', '经验分享'],
  // people who write code
  ['开发者', '程序员', '码农', '写代码', '开发人员', '程序猿', '程序媛', '攻城狮', '搞开发的', '做开发的', '写程序的', '研发人员', '敲代码', '码代码', '搞研发的', '做研发的', '搞编程的', 'developer', 'programmer', 'coder', 'software engineer', 'dev team', '开发问题', '代码问题', '编程问题', '开发方面'],
  // the customer's own account and payments
  ['账户', '账号', '帐号', '帐户', '登不上', '登录不了', '登不进', '扣了两次', '重复扣费', '多扣', '扣钱', '扣了钱', '支付', '付款', '充值', '账单', '发票', '开发票', '开票', '开具发票', '收据', '对账单', '登录不上', '登陆不上', '登陆不了', '封号', '扣费', '扣款', '扣两次', '续费', '缴费', '充钱', '多收钱', '登不了', '登录失败', '登陆失败', '登入', '注销', '号被封', '被扣', '交费', '充了钱', '转账', '到账', '余额', '改绑', '扣我钱', 'double charged', 'charged me twice', 'charged two times', 'duplicate charge', 'duplicate charges', 'duplicate payment', 'duplicated payment', 'double payment', 'paid twice', 'billed me twice', 'charged double', 'charged me double', 'double charge', 'same charge twice', 'same payment twice', 'charged twice', 'billed twice'],
  // warranty
  ['保修', '保内', '保外', '在保', '过保', '质保', '保修期', '三包', '延保', '包修', '包换', '保换', '保固', '出保', '过了保', '出了保', '包退', '超保', '保几年', 'warranty', 'guarantee period', 'manufacturer guarantee'],
  // the bot does not get it
  ['听不懂', '答非所问', '不是我要的', '不是我想要', '牛头不对马嘴', '不理解', '你没懂', '鸡同鸭讲', '驴唇不对马嘴', '文不对题', '乱回答', '瞎回答', '人工智障', '答错了', '不是这个意思', '不是这个问题', '没听懂', '不懂我', '不明白我', '理解错了', '答得不对', '回答不对', '牛头马嘴', '智障', '问的不是这个', '我问的是', '没回答我', "doesn't understand", 'not what i asked', "you don't understand", 'not my question', 'wrong answer', 'useless bot', 'stupid bot', "didn't answer my question"],
  // a service-wide status
  ['服务状态', '状态页', '系统状态', '运行状态', '服务器状态', '全网故障', '大面积故障', '集体故障', '普遍问题', '系统维护', '停机维护', '维护公告', '是不是只有我', '就我这样', '别人也这样', '大家都这样', '大家都用不了', '维护中', '在维护', '服务器挂了', '服务器崩了', '是不是就我', 'status page', 'system status', 'service outage', 'known issue', 'known issues', 'is it down', 'is it just me', 'scheduled maintenance', 'maintenance window', 'outage', 'outages', 'down for everyone', 'is the service down'],
  // being passed between people
  ['转来转去', '踢皮球', '推来推去', '互相推', '推诿', '转了好几个', '换了好几个人', '踢来踢去', '来回转', '转好几次', '转了又转', '扯皮', '推卸', '甩锅', '推脱', '一个推一个', '让我找别人', '找这个找那个', '推三阻四', '推三推四', '转了一圈', '来回踢', '打太极', '不归我管', '不归我们管', '不归他管', '换了好多人', '转了好多次', 'passed around', 'bounced around', 'transferred again', 'run around', 'pillar to post', 'transferred multiple times', 'kept transferring', 'keep transferring'],
  // getting ready
  ['准备', '备好', '准备好', '需要带', '带上', '带什么', '备齐', '带齐', '预备', '带啥', '带哪些', '备啥', 'get ready', 'have ready', 'bring with me', 'what to bring', 'what should i bring'],
  // an older release
  ['旧版本', '老版本', '旧版', '老版', '低版本', '很旧的版本', '停更', '过时', '老系统', '旧系统', '老款', '旧款', '老型号', '旧型号', '之前的版本', '以前的版本', '上个版本', '停止支持', '停止维护', '不更新了', '淘汰了', '停产', '老的版本', '旧的版本', '以前那版', '老掉牙', '老古董', '老机器', '旧机器', '老电脑', '旧电脑', '几年前买的', '不再更新', '不维护了', 'old version', 'older version', 'outdated', 'legacy version', 'old model', 'older model', 'end of life', 'no longer supported', 'previous version'],
  // a place to walk into
  ['网点', '门店', '实体店', '营业厅', '办事处', '办公室', '柜台', '线下', '服务中心', '专卖店', '维修点', '维修站', '服务站', '售后点', '营业部', '分行', '支行', '门市', '到店', '送修', '店面', '去店里', '附近的店', '维修中心', '修理铺', '修理店', '维修店', '直营店', '体验店', '4s店', '去你们店', 'walk in', 'walk into', 'service centre', 'service center', 'in person', 'drop in', 'repair shop', 'service point', 'physical store', 'local branch', 'in store', 'visit a store', 'local store', 'nearest store', 'high street branch', 'nearest branch', 'visit a branch'],
  // far from a city
  ['偏远', '乡下', '农村', '村里', '山区', '郊区', '小地方', '镇上', '县城', '偏僻', '边远', '山沟', '乡镇', '犄角旮旯', '穷乡僻壤', '十八线', '三四线', '海岛', '郊县', '山里', '村子', '屯里', '乡里', '县里', '远郊', '鸟不拉屎', '荒郊野外', '离市区远', 'rural', 'countryside', 'village', 'remote area', 'small town', 'middle of nowhere', 'remote location', 'the sticks', 'rural area'],
  // social networks
  ['社交媒体', '社交平台', '社交账号', '微博', '抖音', '小红书', '公众号', '视频号', '快手', '哔哩哔哩', 'b站', '知乎', '推特', '脸书', '朋友圈', '私信', '官博', '官微', '今日头条', '新媒体', 'social media', 'weibo', 'twitter', 'instagram', 'direct message'],
  // booking a time
  ['预约', '下单', '约个时间', '约时间', '订个时间', '约个号', '排期', '定个时间', '约好时间', '约一下', '约上门', '改约', '约师傅', '约个师傅', '约一个时间', '约下时间', '排个时间', '安排个时间', '订时间', '改个时间', '约个日子', 'appointment', 'book a visit', 'book a slot', 'book a time', 'schedule a visit', 'time slot'],
  // ahead of time
  ['提前', '事先', '预先', '提早', '多早', '事前', '提前量', '预留时间', '先打招呼', '先说一声', '先通知', 'in advance', 'ahead of time', 'beforehand', 'prior notice', 'advance notice', 'how early', 'early enough'],
  // what no one controls
  ['不可抗力', '停电', '断网', '断电', '天灾', '自然灾害', '地震', '台风', '洪水', '停水', '暴雨', '暴雪', '大雪', '疫情', '封控', '封城', '火灾', '极端天气', '恶劣天气', '天气原因', '停网', '断水', '下大雨', '发大水', '冰雹', '打雷', '沙尘暴', '封路', '寒潮', '战争', 'power cut', 'power outage', 'natural disaster', 'force majeure', 'act of god', 'acts of god', 'extreme weather', 'severe weather', 'bad weather'],
  // hearing back at all
  ['回复', '回音', '回话', '音讯', '搭理', '理睬', '没人理', '回我', '答复我', '回个话', '回消息', '回应', '答复', '没人回', '音信', '爱答不理', '理都不理', '不理人', '不吭声', '没吱声', '已读不回', '回信儿', 'get back to me', "haven't heard back", 'never heard back', 'still no reply', 'no answer', 'not heard anything', 'ignored', 'ignoring me', 'ghosted', 'hear back', 'hear from you', 'no reply', 'no response', 'heard nothing', 'write back', 'respond to me'],
  // being shown how
  ['指导', '教我', '手把手', '带着我操作', '演示', '教一下', '带我操作', '一步一步', '示范', '引导', '讲解', '辅导', '点拨', '教下我', '指点', '带我弄', '带我做', '给我讲讲', '一步步', 'walk me through', 'show me how', 'guide me', 'step by step', 'talk me through', 'teach me'],
  // privacy
  ['隐私', '泄露', '偷看', '窥探', '个人信息', '个人资料', '个人数据', '外泄', '监听', '偷听', '倒卖', '泄密', '卖信息', '卖我信息', '骚扰电话', '偷拍', '被监控', 'privacy', 'snoop', 'personal data', 'personal information', 'data protection', 'privacy policy', 'data leak', 'spy on'],
  // permission
  ['授权', '同意', '允许', '许可', '批准', '准许', '首肯', '权限', '应允', '默许', 'permission', 'consent', 'allow you to', 'give you access', 'grant access'],
  // safe to trust
  ['安全', '靠谱', '放心', '可靠', '可信', '稳妥', '信得过', '靠得住', '踏实', '有保障', '稳当', '牢靠', '信任', '信赖', '敢用', 'is it safe', 'is it secure', 'can i trust'],
  // a call that is picked up
  ['接通', '打通', '接起', '接听', '有人接', '拨通', '接电话', '接了电话', '电话通了', '打进去了', 'pick up', 'answer the phone', 'got through', 'get connected', 'answers the phone'],
  // forgetting or losing something
  ['忘记', '忘了', '丢了', '不记得', '记不得', '想不起', '忘掉', '搞丢', '弄丢', '遗失', '找不着', '记不清', '忘啦', '忘光', '记不住', '丢掉', '不见了', '忘带', '搞忘', '整丢', '弄没了', '找不见', "can't remember", 'cannot remember', "don't remember"],
  // again and again
  ['多次', '反复', '好几次', '屡次', '一再', '三番五次', '又一次', '再三', '无数次', '好多次', '好多遍', '好几遍', '屡屡', '三番两次', '几次三番', '一遍又一遍', '好些次', '好几回', '好多回', '无数遍', '一而再再而三', '三四次', '好几趟', 'again and again', 'repeatedly', 'several times', 'many times', 'over and over', 'multiple times', 'numerous times', 'countless times', 'time and again', 'keeps happening'],
  // proof of purchase
  ['凭证', '购买记录', '购买证明', '小票', '保修卡', '凭据', '单据', '收银条', '订单记录', '付款记录', '购物记录', '订单截图', '付款截图', '支付截图', '转账记录', '支付记录', '交易记录', '消费记录', '购机发票', 'proof of purchase', 'purchase record', 'proof of payment', 'order confirmation', 'till receipt', 'receipt', 'receipts', 'e-receipt', 'copy of the receipt'],
  // pictures of the problem
  ['截图', '截屏', '录屏', '拍照', '照片', '拍个照', '截个图', '截张图', '拍个视频', '拍下来', '拍张照', '图片', '发图', '录个屏', '录像', '拍图', '发张图', '发个图', '传个图', '传图', '截个屏', '录下来', '相片', 'screenshot', 'screen shot', 'snapshot of the screen', 'screen recording', 'screen capture', 'screen grab', 'take a photo', 'send a photo', 'attach a photo'],
  // putting a problem into words
  ['描述', '说清楚', '讲清楚', '说明白', '讲明白', '表达清楚', '表述', '阐述', '形容', '说不清楚', '讲不清楚', '说不明白', '详细说明', '说不清', '讲不清', '不知道怎么说', '具体说', '具体讲', '详细说', '说一下情况', '说下情况', 'describe', 'explain clearly', 'put into words', 'in detail', 'explain the problem', 'explain my problem'],
  // installing software
  ['安装', '装不上', '装不好', '装软件', '装机', '部署', '重装', '装驱动', '装系统', '装个软件', '装一下', '安不上', '怎么装', '咋装', '卸载', '重新装'],
  // a computer
  ['电脑', '笔记本', '台式机', '主机', '笔电', '计算机', '一体机', '本本', '台式', '显示器', 'desktop computer', 'desktop pc'],
  // the staff of a customer's company
  ['员工', '同事', '新员工', '新人', '团队成员', '职员', '职工', '手下', '下属', '同仁', '新入职', '手底下的人', '底下的人', 'new hires', 'my team'],
  // price lists
  ['收费标准', '报价', '价目', '价目表', '价格表', '价格单', '收费明细', '费用明细', '资费', '定价', '计费', '费率', '报个价', '收费表', '收费清单', '明码标价', '价格明细', '费用标准', '价位', '询价', '出个价', '开个价', 'price list', 'fee schedule', 'rate card', 'get a quote'],
  // the product's website
  ['官网', '官方网站', '网站', '主页', '网址', '网页版', '官方网', '主站', '域名', '官方页面', 'website', 'official site', 'online portal', 'web portal', 'customer portal', 'homepage', 'web site', 'web page', 'web address'],
  // how serious a fault is
  ['等级', '级别', '档次', '严重程度', '优先级', '严重性', '紧急程度', '多严重', '轻重缓急', '影响程度', '重要程度', '严不严重', '严重吗', '大问题', '影响大不大', '影响范围', 'severity', 'severity level', 'priority level', 'how serious', 'how severe', 'severity rating', '一般问题', '常规问题', '紧急故障', '严重故障', '一般故障'],
  // nobody following a matter up
  ['跟进', '有人管', '有人跟', '不了了之', '没下文', '没有下文', '石沉大海', '置之不理', '敷衍', '追踪', '跟踪', '催一下', '催促', '催单', '催一催', '盯着', '盯一下', '没动静', '搁置', '晾着', '放着不管', '没人管', '没人跟', '没人处理', '催了', '催下', '催催', '帮我催', '没后续', '没下落', '一直没动', '放那不管', 'follow up', 'followed up', 'chase up', 'left hanging', 'keep me updated', 'keep me posted'],
  // ways to reach someone
  ['渠道', '途径', '门路', '路子', '联系方式', '怎么联系', '联系你们', '找到你们', '咋联系', '怎样联系', '如何联系', '联系方法', 'channel', 'channels', 'contact methods', 'contact options', 'ways to contact', 'how to contact', 'how can i reach', 'get in touch', 'reach you', 'contact details', '怎么找你们', '咋找你们', '上哪找你们', '去哪找你们', '在哪联系', '怎么找到你们'],
  // programming interfaces
  ['接口', '调用接口', '对接接口', '二次开发', '对接', '集成', '开放平台', '调用', '二开', '开发文档', '开发者文档', 'api call', 'integration', 'integrate with', 'open platform'],
  // after-sales
  ['售后', '售后服务', '售后支持', '维保', '保养', 'after-sales', 'after-sale service'],
  // one person looking after a customer
  ['客户经理', '对接人', '专人', '专门负责', '专属顾问', '顾问', '专属客服', '专员', '客户代表', '业务员', '对口的人', '对接的人', '负责我们的', '跟我对接', '专门对接', '专属经理', '业务经理', 'dedicated contact', 'account manager', 'relationship manager', 'key account manager', 'dedicated manager', 'point of contact', 'account rep', '大客户经理', '商务经理', '对接经理', '一对一', '技术经理', '客户成功'],
  // the customer's live business
  ['生产环境', '线上业务', '生产系统', '业务中断', '业务停了', '正式环境', '线上环境', '现网', '业务停摆', '停工', '影响业务', '影响生产', '耽误生意', '业务受影响', '生意受影响', '没法营业', '没法开工', '开不了工', '业务瘫痪', '生产线', '线上系统', '客户用不了', '影响营业', 'production', 'live system', 'live environment', 'prod environment', 'business critical', 'business impact'],
  // better service for more money
  ['增值服务', '高级服务', '更高级别', '更高级', 'vip服务', '加钱', '额外服务', '高端服务', '尊享服务', '贵宾服务', '付费服务', '金牌服务', '加价', '多花点钱', '多出点钱', '加点钱', '贵宾', '升级服务', 'premium support', 'vip service', 'premium service', 'priority support', 'extended support', 'paid support', 'enhanced support', '优先支持', '专属通道', 'vip通道', '高级支持', '升级套餐', '更好的服务', '白金服务'],
  // papers and details to hand over
  ['资料', '材料', '证明材料', '相关信息', '证件', '复印件', '证明文件', '身份证', '营业执照', '户口本', '填表', '复印', '盖章', '公章', 'documents', 'paperwork', 'supporting documents', 'proof of identity', 'identity documents', 'forms to fill'],
  // knowing how to go about it
  ['技巧', '窍门', '诀窍', '秘诀', '小窍门', '妙招', '绝招', '门道', '心得', '秘籍', '攻略', '干货', '捷径', '省事的办法', '土办法', 'tips', 'tricks', 'best practices', 'handy hints'],
  // talking with support
  ['沟通', '交流', '打交道', '联络', '聊聊', '谈谈', '商量', '唠唠', '唠嗑', '谈一谈', '聊一聊', '商议', '协商', 'communicate', 'communication', 'talk with', 'speak with'],
  // what a service covers
  ['范围', '管什么', '管哪些', '负责哪些', '业务范围', '管不管', '包不包括', '包括哪些', '涵盖', '服务内容', '服务项目', '负责什么', '支持哪些', '负责啥', '包不包', '包含哪些', '含不含', '支持啥', '修不修', '能修哪些', 'scope', 'what is covered', 'what do you cover', 'what is included', 'does it cover', 'in scope', 'out of scope'],
  // sooner than usual
  ['加急', '插队', '优先安排', '尽快', '马上', '立刻', '绿色通道', '快速通道', '优先处理', '急件', '越快越好', '急单', '加个急', '插个队', '加塞', '越早越好', '立马', 'right away', 'as soon as possible', 'fast track', 'rush order', 'priority handling'],
  // a visit that fixed nothing
  ['没解决', '没修好', '修不好', '没弄好', '弄不好', '没搞定', '搞不定', '白跑一趟', '白来一趟', '还是不行', '还是坏的', '还是老样子', '问题依旧', '白修了', '越修越坏', '修了又坏', '治标不治本', '没处理好', '还是没好', '修了还坏', '还那样', '没整好', '整不好', '白跑了', '白来了', '没效果', 'not fixed', 'still broken', 'still not working', 'still not fixed', 'not resolved', "didn't fix", 'problem persists', 'same problem', 'wasted trip', '显示已解决', '说解决了', '工单被关', '关单了', '被关单', '擅自关单', '没解决就关', '标成已解决'],
  // what the bot can do
  ['功能', '能干什么', '能做什么', '会干什么', '会做什么', '能干嘛', '有什么用', '本事', '本领', '能帮我什么', '能干啥', '有啥用', '会啥', '你会什么', '能帮我做什么', '能帮啥', '能帮我啥', '会干嘛', '会干啥', '能做啥', '会做啥', 'what can you do', 'what are you able', 'how can you help', 'what can i ask', 'what do you do'],
  // finding the answer oneself
  ['自助', '自己查', '自己解决', '自己动手', '自己搞定', '帮助文档', '自己弄', '自己处理', '自己操作', '自己修', '自己排查', '帮助中心', '自己搞', '自己整', '自行处理', '自行解决', 'self-service', 'help centre', 'help center', 'do it myself', 'on my own', 'help article', 'help articles', '常见问题', '问题解答', '知识库', '帮助页面', '帮助与反馈', '查资料', '自己找答案', '自己看看', '自己查查', '自助查询'],
  // losing data
  ['数据丢失', '丢数据', '数据没了', '数据不见了', '资料丢了', '数据丢了', '文件丢了', '文件没了', '资料没了', '记录没了', '误删', '数据恢复', '找回数据', '恢复数据', '丢文件', '照片没了', '照片丢了', '不小心删', '删错了', '找回文件', '恢复文件', '丢失数据', '数据没有了', '格式化了', 'data loss', 'lost data', 'deleted files', 'data recovery', 'recover data', 'recover my files', 'lost my files', 'lost files', 'accidentally deleted', 'lost everything'],
  // the main features
  ['核心功能', '主要功能', '关键功能', '主功能', '核心业务', '基本功能', '主打功能', '重点功能', '常用功能', '基础功能', '主要用途', '核心用途', '主要干啥', '主打', '最常用', 'core feature', 'main feature', 'key feature', 'key features', 'main features', 'core features', 'basic features'],
  // a minor problem
  ['小问题', '小毛病', '小事', '小故障', '不影响使用', '不碍事', '小状况', '小瑕疵', '瑕疵', '不严重', '不要紧', '不打紧', '小麻烦', '问题不大', '鸡毛蒜皮', '不大要紧', '没啥大事', '没什么大事', '无关紧要', '没多大影响', '凑合能用', '将就着用', '不太严重', '小bug', 'minor issue', 'small problem', 'minor problem', 'cosmetic issue', 'small issue', 'little problem', 'not serious', 'nothing serious', 'low priority'],
  // a promise made
  ['承诺', '保证', '答应过', '打包票', '说好的', '说好了', '答应了', '答应我', '许诺', '保票', '拍胸脯', '信誓旦旦', '讲好的', '约好的', '说话不算数', '说话不算话', '不守信', '食言', '放鸽子', '答应好的', 'promise', 'promised', 'assured me'],
  // exceptions to a rule
  ['例外', '特殊情况', '除外', '特例', '破例', '通融', '网开一面', '特殊处理', '特事特办', '开个口子', '变通', '灵活处理', '行个方便', '开后门', '特批', '照顾一下', 'exception', 'exceptions', 'special case', 'special circumstances'],
  // going faster
  ['加快', '更快', '快点', '快一些', '提速', '早点', '快些', '快一点', '加速', '快马加鞭', '麻溜', '麻利点', '利索点', '快着点', '加把劲', '别磨蹭', 'speed up', 'faster', 'quicker', 'hurry up', 'speed things up', 'more quickly'],
  // why it takes the time it takes
  ['因素', '原因', '缘故', '为什么这么慢', '慢的原因', '怎么这么慢', '咋这么慢', '为啥这么慢', '慢在哪', '取决于', '决定于', '为啥慢', '为什么慢', '怎么这么久', '为啥这么久', '咋这么久', '咋那么慢', '怎么那么慢', '跟什么有关', '和什么有关', 'factors', 'reasons', 'why so slow', 'why does it take', 'depends on', 'what affects'],
  // other companies
  ['同行', '别家', '其他公司', '竞争对手', '友商', '别人家', '竞品', '其他家', '别的品牌', '其他品牌', '别的公司', '人家公司', '对手', '别的家', '隔壁家', '其他平台', '别的平台', '别的牌子', '其他牌子', '同类产品', 'competitors', 'other companies', 'other providers', 'other brands'],
  // reputation
  ['口碑', '名声', '风评', '名气', '声誉', '信誉', '知名度', '网上评价', '用户评价', '评价怎么样', '名誉', '出名', '网上都说', '网评', 'reputation', 'good name', 'track record', 'brand image', 'what people say'],
  // checking what happened
  ['调查', '核实', '查证', '调查核实', '查清楚', '核查', '彻查', '复核', '核对', '调录音', '查监控', '查一查', '查明', '水落石出', '调监控', '听录音', '调取录音', 'investigate', 'look into', 'check into', 'find out what happened', 'get to the bottom'],
  // the phone menu
  ['按键', '按几', '按哪个键', '语音提示', '语音菜单', '按井号', '井号键', '星号键', '按星号', '按零', '语音导航', '自动语音', '机器语音', '按哪个', '按1', '按0', '按9', '让我按', '语音播报', '录音提示', 'which key', 'menu option', 'press', 'phone menu', 'phone tree', 'automated menu', 'automated voice', 'recorded message'],
  // who to turn to
  ['找谁', '问谁', '联系谁', '找哪个部门', '哪个部门', '谁管', '找哪位', '跟谁说', '谁负责', '对口部门', '找哪里', '向谁反映', '找哪个', '谁来管', '谁能管', '去哪问', '问哪里', '去哪找', 'who do i contact', 'who should i contact', 'who looks after', 'who handles', 'who is responsible', 'which department', 'who deals with', 'who can help', 'who to contact', 'who do i speak to', 'right person'],
  // how soon we answer
  ['响应时间', '响应时效', '回复时间', '回复速度', '响应速度', '多久回', '多久回复', '多久响应', '啥时候回', '什么时候回', '几时回', '几时给答复', '多久给答复', '多久有回复', '多久有人回', '多久有人理', '回得快不快', '回复得快不快', '回得快吗', '多快回', '首次响应', '多久答复', '多长时间回复', '多久能回'],
  // how soon it is fixed
  ['解决时间', '修复时间', '维修时效', '处理时效', '多久能搞定', '多久搞定', '多久能修好', '多久修好', '几天修好', '几天能修好', '几天能好', '多久能好', '多久能解决', '多久解决', '多久能处理', '多久处理好', '啥时候能修好', '什么时候能修好', '啥时候能好', '什么时候能好', '多久能弄好', '几天搞定', '啥时候搞定', '什么时候解决', '啥时候解决'],
  // a private customer
  ['个人用户', '普通用户', '个人客户', '普通客户', '一般用户', '散户', '私人用户', '个人版', '家用', '自己用', '个人使用'],
  // the bot
  ['机器人', '智能客服', '机器客服', '机器人客服', 'ai客服', '智能助手', '自动回复', '人工智能', '智能问答', '机器回复', '自动客服'],
  // at any hour
  ['全天候', '24小时在线', '24小时服务', '24小时有人', '全年无休', '不打烊', '随时', '任何时候', '啥时候都', '什么时候都', '一天到晚', '7x24', '全天', '不休息', '一直在线', '一直有人', '天天有人'],
  // the busy times
  ['高峰期', '高峰时段', '高峰', '人多的时候', '忙的时候', '繁忙时段', '繁忙时间', '错峰', '人少的时候', '不忙的时候', '空闲时段', '避开高峰'],
  // the service level
  ['服务等级协议', '服务水平协议', '服务级别协议', '服务等级', '服务级别', '时效承诺', '服务承诺', '保障级别', '服务标准', '时效标准', '时效保障', '支持级别', '支持等级'],
  // where the service reaches
  ['服务区域', '覆盖范围', '覆盖区域', '覆盖哪些', '哪些城市', '哪些地区', '哪个城市', '哪些地方', '去不去', '来不来', '能不能来', '到不到'],
  // weekdays
  ['工作日', '周一到周五', '周一至周五', '礼拜一到礼拜五', '星期一到星期五', '平时', '平常日子', '非周末', '周一到五'],
  // who qualifies
  ['条件', '什么条件', '啥条件', '资格', '门槛', '够不够格', '符不符合', '符合条件', '有没有资格', '要满足', '够条件'],
  // which agent it was
  ['工号', '客服工号', '员工号', '哪位客服', '哪个客服', '客服名字', '客服叫什么', '接待我的', '接待人员'],
  // another agent
  ['换个客服', '换一个客服', '换人', '换个人', '换别的客服', '不要这个客服', '换个专员'],
  // which version or model
  ['版本号', '系统版本', '软件版本', '哪个版本', '什么版本', '型号', '机型', '设备型号', '产品型号'],
  // what the error says
  ['错误代码', '错误码', '报错信息', '错误信息', '日志', '日志文件', '错误提示', '故障代码', '提示错误', '弹窗提示'],
  // turning it off and on
  ['重启', '重新启动', '关机再开', '断电重启', '开关机'],
  // keeping a copy
  ['备份', '备份数据', '存一份', '留个备份', '做备份', '导出数据'],
  // updating the software
  ['更新', '最新版', '新版本', '升级版本', '升级软件', '打补丁', '补丁', '版本升级', '更新版本'],
  // English everyday words of banks, card issuers, payment apps and shops (written without seeing any evaluation question)
  // a card or parcel that has not come
  ['arrive', "hasn't arrived", 'has not arrived', 'not arrived', 'not yet arrived', "didn't arrive", 'did not arrive', 'never arrived', 'never came', "hasn't come", 'has not come', "hasn't turned up", 'not turned up', 'never turned up', 'still not here', 'not here yet', 'still waiting for my card', 'still waiting on my card', 'not received my card', "haven't received my card", 'have not received my card', "haven't got my card", 'not got my card', "haven't gotten my card", 'where is my card'],
  // sending something out by post
  ['delivery', 'deliver', 'delivered', 'delivering', 'shipping', 'shipment', 'ship', 'shipped', 'postage', 'dispatch', 'dispatched', 'courier', 'in the post', 'in the mail', 'mailed out', 'sent out', 'send me my card'],
  // a payment that is refused
  ['declined', 'decline', 'rejected', 'reject', 'refused', 'refuse', 'bounced', "didn't go through", 'did not go through', "won't go through", "wouldn't go through", "doesn't go through", 'not going through', "wasn't accepted", 'was not accepted', 'knocked back', 'payment failed', 'transaction failed', 'failed payment', 'failed transaction', 'unsuccessful', 'denied', 'card not accepted'],
  // adding money to an account or card
  ['top up', 'topup', 'add money', 'adding money', 'added money', 'add some money', 'put money in', 'put money into', 'put money on', 'putting money in', 'putting money into', 'putting money on', 'put some money in', 'put some money on', 'load money', 'loading money', 'loaded money', 'load my card', 'load funds', 'add funds', 'adding funds', 'added funds', 'add cash', 'adding cash', 'fund my account', 'funding my account', 'recharge', 'recharging', 'reload', 'reloading', 'add credit', 'refill my card', 'topped up', 'topping up', 'top ups'],
  // sending money to someone
  ['transfer', 'send money', 'sending money', 'sent money', 'send some money', 'send funds', 'sending funds', 'sent funds', 'move money', 'moving money', 'moved money', 'move funds', 'moving funds', 'moved funds', 'wire money', 'wire funds', 'wired money', 'wire', 'wired', 'remittance', 'remit', 'pay someone', 'paying someone', 'paid someone', 'send cash', 'sent cash', 'transfers', 'transferring', 'transferred', 'bank transfer'],
  // not through yet
  ['pending', 'still processing', 'still being processed', 'being processed', 'not cleared', "hasn't cleared", 'has not cleared', 'not yet cleared', 'yet to clear', 'not completed yet', "hasn't completed", 'not gone through yet', "hasn't gone through", 'has not gone through', 'not processed yet', "hasn't been processed", 'in limbo'],
  // money given back
  ['refund', 'money back', 'reimburse', 'reimbursement', 'reimbursed', 'chargeback', 'charge back', 'return my money', 'return the money', 'give me back my money', 'give my money back', 'pay me back', 'paid back', 'repay me', 'repaid', 'refunded', 'refunds', 'refunding', 'reversal', 'reversed', 'reverse the charge', 'reverse the payment', 'money returned'],
  // the rate between currencies
  ['exchange rate', 'conversion rate', 'conversion rates', 'rate of exchange', 'fx rate', 'fx rates', 'currency rate', 'currency rates', 'forex rate', 'interbank rate'],
  // changing one currency into another
  ['exchange', 'convert currency', 'converting currency', 'currency conversion', 'convert money', 'converting money', 'change currency', 'changing currency', 'change money', 'changing money', 'swap currency', 'swap currencies', 'convert currencies', 'converting currencies', 'change currencies'],
  // a fee
  ['fee', 'surcharge', 'commission', 'service charge', 'handling fee', 'handling charge', 'processing fee', 'transaction fee', 'admin fee', 'administration fee', 'levy', 'hidden charges', 'fees', 'hidden fee', 'hidden fees', 'extra fee', 'extra fees'],
  // proving who one is
  ['verify', 'verification', 'verifications', 'confirm my identity', 'confirming my identity', 'prove my identity', 'proving my identity', 'prove who i am', 'confirm who i am', 'identity check', 'id check', 'kyc', 'know your customer', 'authenticate', 'authentication', 'verifying', 'verified', 'unverified', 'not verified'],
  // calling something off
  ['cancel', 'call off', 'calling off', 'called off', 'revoke', 'revoked', 'undo', 'stop the transfer', 'stop the payment', 'stop a payment', 'stop a transfer', 'abort', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation', 'cancel my order'],
  ['change', 'edit', 'editing', 'edited', 'modify', 'modifying', 'modified', 'amend', 'amending', 'amended', 'alter', 'altering', 'altered', 'update my details', 'update my address', 'update my name', 'update my personal details', 'update my information', 'update my info', 'changing', 'changed', 'adjust', 'adjusting'],
  ['address', 'where i live', 'place of residence', 'residence', 'moved house', 'moving house', 'relocated', 'relocating'],
  ['balance', 'how much money do i have', 'how much money i have', 'how much do i have', 'how much is in my account', 'how much have i got', 'money left', 'funds left', 'available funds', 'funds available', 'money in my account', 'how much is left', 'remaining funds'],
  ['atm', 'cash machine', 'cash machines', 'cashpoint', 'cash point', 'hole in the wall', 'cash dispenser', 'bank machine', 'teller machine', 'automated teller'],
  ['contactless', 'tap to pay', 'tap and pay', 'tap and go', 'tapping my card', 'tap my card', 'tap the card', 'paywave', 'paypass', 'nfc', 'wave my card'],
  ['apple pay', 'google pay', 'android pay', 'samsung pay', 'gpay', 'mobile wallet', 'digital wallet', 'phone wallet', 'wallet app', 'pay with my phone', 'pay with my watch', 'apple watch'],
  ['recognize', 'recognise', 'recognised', 'unrecognized', 'unrecognised', 'unfamiliar', 'unknown payment', 'unknown transaction', 'unknown charge', "didn't make", 'did not make', 'never made', "wasn't me", 'was not me', "didn't authorize", "didn't authorise", 'did not authorize', 'did not authorise', 'unauthorized', 'unauthorised', 'strange transaction', 'strange payment', 'weird payment', 'weird transaction', 'odd transaction', 'odd payment'],
  ['fraud', 'fraudulent', 'scam', 'scammed', 'scammer', 'scammers', 'swindled', 'conned'],
  ['swallowed', 'swallow', 'ate my card', 'eaten my card', 'ate the card', 'kept my card', 'retained my card', 'took my card', 'card is stuck', 'card got stuck', 'stuck in the atm', 'stuck in the machine', "didn't give my card back", "didn't give back my card", "didn't return my card", 'did not return my card', "won't give my card back"],
  ['disposable', 'single use', 'one time use', 'one time card', 'use once', 'throwaway', 'burner card', 'temporary card'],
  ['virtual card', 'digital card', 'virtual debit card', 'virtual one'],
  ['physical card', 'plastic card', 'real card', 'actual card', 'physical one', 'plastic one'],
  ['activate', 'turn on my card', 'switch on my card', 'enable my card', 'start using my card', 'set up my card', 'set up my new card', 'make my card work'],
  ['source of funds', 'source of my funds', 'source of the funds', 'where my money comes from', 'where my money came from', 'where the money comes from', 'where the money came from', 'origin of my money', 'origin of the funds', 'source of wealth'],
  ['passcode', 'password', 'pass code', 'pass word', 'login details', 'log in details', 'sign in details', 'login credentials', 'access code', '密码', '重置密码', '找回密码', '改密码', '修改密码', '密码错误', '登录密码'],
  ['log in', 'login', 'logging in', 'logged in', 'log on', 'logon', 'log into', 'logging into', 'sign in', 'signing in', 'signed in', 'sign into', 'sign on', 'get into my account', 'access my account', 'locked out'],
  ['limit', 'maximum', 'max', 'cap', 'capped', 'ceiling', 'most i can'],
  ['expire', 'expiry', 'valid until', 'valid thru', 'valid through', 'out of date'],
  ['extra card', 'spare card', 'additional card', 'second card', 'backup card', 'more cards', 'multiple cards'],
  ['customer service', 'customer support', 'customer care', 'customer services', 'help desk', 'helpdesk', 'support team', 'support desk', 'service desk', 'support line', 'helpline', 'help line', 'hotline'],
  ['track', 'tracking', 'where is my order', "where's my order", 'where is my package', 'where is my parcel', 'order status', 'trace my'],
  ['return', 'send back', 'send it back', 'sending back', 'sent back', 'sending it back', 'take it back', 'bring it back'],
  ['damaged', 'broken', 'cracked', 'scratched', 'dented', 'smashed', 'snapped', 'bent', 'torn', 'chipped', 'worn out', 'split in half', 'split in two', 'faulty', 'defective', 'malfunction', 'malfunctioning', 'damage'],
  ['luggage', 'baggage', 'suitcase', 'suitcases', 'bags', 'checked bag', 'checked bags'],
  ['carry on', 'hand luggage', 'cabin bag', 'cabin baggage', 'hand baggage', 'carry on bag'],
  ['hotel', 'accommodation', 'place to stay', 'somewhere to stay', 'lodging', 'motel', 'hostel', 'room for the night'],
  ['rental car', 'car rental', 'rent a car', 'renting a car', 'hire a car', 'hiring a car', 'car hire', 'hire car', 'rent car', 'rented car'],
  ['flight', 'plane ticket', 'plane tickets', 'air ticket', 'air tickets', 'airfare', 'airline ticket', 'airline tickets', 'plane'],
  ['bill', 'invoice', 'invoices', 'invoiced', 'pay my bill', 'pay a bill', 'pay bills', 'paying bills', 'bill payment', 'pay the bill'],
  ['lost', 'stolen', 'stole', 'misplaced', 'mislaid', 'robbed', 'pickpocketed', 'theft', 'nicked', 'gone missing', 'went missing', 'lose', 'losing', "can't find", 'cannot find', 'misplace'],
  ['compromised', 'hacked', 'someone has my card details', 'someone else has my details', 'cloned', 'skimmed', 'stolen details', 'card details leaked'],
  ['receive', 'send me money', 'sent me money', 'sending me money', 'send money to me', 'transfer me money', 'paid into my account', 'get money from', 'getting money from'],
  ['no internet', 'internet is down', 'internet down', 'no connection', 'lost connection', 'connection dropped', 'keeps disconnecting', 'wifi not working', 'wifi is down', 'no wifi', 'no signal', 'no broadband', 'broadband down', 'offline'],
  ['meter reading', 'read the meter', 'submit a reading', 'send a reading', 'give a reading', 'meter read'],
  ['international', 'abroad', 'overseas', 'internationally', 'foreign country', 'another country', 'other countries', 'outside the country', 'out of the country'],
  ['direct debit', 'standing order', 'recurring payment', 'recurring payments', 'automatic payment', 'automatic payments', 'autopay', 'auto pay', 'regular payment'],
  ['forgot', 'forgotten', 'forget', 'forgetting', "can't recall", 'cannot recall', "don't recall", 'slipped my mind'],
  ['credit limit', 'spending limit', 'credit line', 'line of credit', 'raise my limit', 'increase my limit', 'higher limit', 'limit increase', 'raise the limit', 'increase the limit'],
  ['routing number', 'sort code', 'aba number', 'routing code', 'bank code', 'transit number'],
  ['account number', 'acct number', 'account no', 'acc number', 'iban'],
  ['spend', 'spent', 'expenditure', 'outgoings', 'expenses'],
  ['phone', 'mobile phone', 'cell phone', 'cellphone', 'smartphone', 'iphone', 'handset', 'my mobile'],
  ['user name', 'username', 'screen name', 'display name'],
  ['goodbye', 'bye', 'bye bye', 'see you later', 'see ya', 'farewell', 'catch you later', 'take care'],
  ['bot', 'robot', 'chatbot', 'chat bot', 'virtual assistant', 'automated assistant', 'computer program'],
  ['unblock', 'unlock', 'unfreeze', 'unblocking', 'unlocking', 'unfreezing'],
  ['link', 'linking', 'linked', 'connect my card', 'add my card', 'add a card', 'attach my card', 'add an existing card', 'connect a card'],
  ['out of stock', 'sold out', 'not in stock', 'no stock', 'not available to buy'],
  ['promo code', 'discount code', 'voucher code', 'coupon', 'coupon code', 'promotional code', 'voucher'],
  ['unsubscribe', 'opt out', 'stop emails', 'stop sending me', 'stop receiving', 'remove me from', 'take me off'],
  ['replacement card', 'replace my card', 'replacing my card', 'card replaced', 'card replacement'],
  ['due date', 'when is it due', 'when is my payment due', 'payment deadline', 'date it is due'],
  ['minimum payment', 'min payment', 'least i can pay', 'lowest payment', 'minimum amount due', 'minimum due'],
  ['credit score', 'credit rating', 'fico', 'fico score', 'credit standing'],
  ['apr', 'annual percentage rate'],
  ['paycheck', 'paycheque', 'pay check', 'pay cheque', 'pay packet', 'pay slip', 'payslip', 'wage slip', 'salary', 'wages', 'wage'],
  ['transaction history', 'recent transactions', 'past transactions', 'list of transactions', 'transaction list', 'account activity', 'recent activity'],
  ['pin', 'pin number', 'pin code', 'personal identification number'],
  ['checkbook', 'cheque book', 'chequebook', 'check book', 'book of checks', 'book of cheques'],
  ['statement', 'statements', 'bank statement', 'monthly statement', 'account statement', 'e-statement', 'paper statement'],
  ['interest rate', 'interest rates', 'interest', 'rate of interest', 'interest charged', 'interest earned'],
  ['loan', 'loans', 'borrow money', 'borrowing money', 'lend me', 'personal loan', 'take out a loan'],
  ['verification code', 'one time code', 'one-time passcode', 'otp', '2fa', 'two factor', 'two-factor authentication', 'sms code', 'text code', 'login code', 'auth code'],
  ['cvv', 'cvc', 'security code', 'three digit code', '3 digit code', 'card security code'],
  ['deposit', 'deposits', 'deposited', 'depositing', 'pay in', 'paying in', 'lodge a cheque', 'lodge a check'],
  ['dispute', 'disputed', 'disputing', 'contest a charge', 'query a charge', 'challenge a charge', 'raise a dispute', 'open a dispute'],
  ['phone number', 'mobile number', 'cell number', 'contact number', 'telephone number'],
  ['layover', 'stopover', 'connecting flight', 'layovers'],
  ['check in', 'check-in online', 'online check in', 'boarding pass', 'boarding passes'],
  ['passport', 'passports', 'travel documents'],
  ['thanks', 'thank you', 'thank u', 'cheers', 'much appreciated', 'appreciate it', 'thx'],
  ['hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'howdy', 'hiya'],
  ['repeat', 'say that again', 'come again', 'pardon', 'what did you say', 'say again'],
  ['your name', 'what are you called', 'what should i call you', 'who are you'],
  ['sim card', 'sim', 'sim only', 'esim', 'e-sim'],
  ['data plan', 'mobile plan', 'phone plan', 'phone contract', 'tariff', 'data allowance', 'mobile data'],
  ['roaming', 'data roaming', 'roaming charges'],
  ['utility bill', 'utilities', 'energy bill', 'electric bill', 'electricity bill', 'gas bill', 'water bill', 'power bill'],
  ['reservation', 'reservations', 'booking', 'bookings', 'make a reservation', 'reserve a table'],
  ['subscription', 'subscriptions', 'renew', 'renewal', 'renewing', 'auto renew', 'auto renewal'],
  ['wrong item', 'wrong size', 'wrong colour', 'wrong color', 'not what i ordered', 'incorrect item', 'sent the wrong', 'sent me the wrong'],
  ['missing item', 'item missing', 'items missing', 'part missing', 'missing from my order', 'not in the box', 'missing parts'],
  ['gift card', 'gift cards', 'gift voucher', 'gift certificate', 'giftcard'],
  ['open an account', 'open a new account', 'opening an account', 'new account', 'sign up', 'signing up', 'signed up', 'register', 'registration', 'create an account', 'make an account'],
  ['mortgage', 'home loan', 'house loan', 'mortgages'],
  ['insurance', 'insured', 'insurance policy', 'insurance cover'],
  ['travel notice', 'travel notification', 'travel alert', 'going on holiday', 'going on vacation', 'on vacation', 'on holiday'],
  ['app', 'mobile app', 'banking app', 'phone app', 'apps'],
  ['online banking', 'internet banking', 'web banking', 'net banking'],
  ['eta', 'estimated arrival', 'expected delivery', 'estimated delivery', 'delivery date', 'arrival date']
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
