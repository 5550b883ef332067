/** Words and sentence patterns of the synthetic knowledge bases: customer-service actions on things, in zh and en. */

/** One language's building blocks; `{v}` verb, `{n}` noun, `{m}` modifier in the templates. */
export interface Vocabulary {
  verbs: readonly string[];
  nouns: readonly string[];
  modifiers: readonly string[];
  /** Ways to ask; entries use some, queries use the others, so a query never repeats a phrasing. */
  templates: readonly string[];
  /** What visitors put in front of a question. */
  fillers: readonly string[];
}

/** The Chinese half. */
export const ZH: Vocabulary = {
  verbs: ['查询', '修改', '取消', '申请', '开通', '关闭', '绑定', '解绑', '退订', '续费', '升级', '下载', '上传', '重置', '激活', '冻结', '注销', '预约', '投诉', '兑换', '提现', '充值', '支付', '退还', '更换', '补办', '领取', '转让', '设置', '确认'],
  nouns: ['订单', '账户', '密码', '发票', '快递', '会员', '优惠券', '积分', '银行卡', '手机号', '邮箱', '收货地址', '工单', '合同', '套餐', '流量', '宽带', '退款', '押金', '保单', '购物车', '门票', '车票', '酒店', '信用卡', '余额', '红包', '礼品卡', '身份证', '营业执照', '物流', '售后', '保修', '安装服务', '维修单', '账单', '自动扣款', '实名认证', '登录设备', '收款码'],
  modifiers: ['我的', '公司的', '家里的', '海外', '国际', '电子', '纸质', '临时', '长期', '新的'],
  templates: ['怎么{v}{m}{n}？', '如何{v}{m}{n}', '我想{v}{m}{n}', '{m}{n}能不能{v}？', '可以帮我{v}{m}{n}吗', '{v}{m}{n}要多久？', '{v}{m}{n}需要什么材料', '{m}{n}{v}失败了怎么办', '{m}{n}在哪里{v}', '{v}{m}{n}收费吗？'],
  fillers: ['', '', '', '请问', '你好，', '麻烦问下', '客服，'],
};

/** The English half. */
export const EN: Vocabulary = {
  verbs: ['check', 'change', 'cancel', 'apply for', 'activate', 'close', 'link', 'unlink', 'unsubscribe from', 'renew', 'upgrade', 'download', 'upload', 'reset', 'unlock', 'freeze', 'delete', 'book', 'complain about', 'redeem', 'withdraw', 'top up', 'pay', 'return', 'replace', 'reissue', 'collect', 'transfer', 'set up', 'confirm'],
  nouns: ['order', 'account', 'password', 'invoice', 'parcel', 'membership', 'coupon', 'reward points', 'bank card', 'phone number', 'email address', 'delivery address', 'support ticket', 'contract', 'plan', 'data bundle', 'broadband', 'refund', 'deposit', 'insurance policy', 'shopping cart', 'event ticket', 'train ticket', 'hotel booking', 'credit card', 'balance', 'gift voucher', 'gift card', 'ID card', 'business licence', 'shipment', 'after-sales case', 'warranty', 'installation', 'repair order', 'bill', 'direct debit', 'identity check', 'login device', 'payment code'],
  modifiers: ['', 'company', 'home', 'overseas', 'international', 'electronic', 'paper', 'temporary', 'long-term', 'new'],
  templates: ['How do I {v} my {m} {n}?', 'how can i {v} the {m} {n}', 'I want to {v} my {m} {n}', 'is it possible to {v} the {m} {n}?', 'could you help me {v} my {m} {n}', 'how long does it take to {v} a {m} {n}?', 'what do I need to {v} my {m} {n}', 'failed to {v} {m} {n}, what now', 'where do I {v} my {m} {n}', 'is there a fee to {v} a {m} {n}?'],
  fillers: ['', '', '', 'hi, ', 'hello ', 'quick question: ', 'please '],
};
