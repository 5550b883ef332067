/**
 * Words that name things a support desk does not deal with: weather, markets, celebrities, cooking, illness, school,
 * sport, travel bookings, jobs at the company, the company's owners and shares. A question built around one of them
 * ("黄金价格多少", "公司创始人是谁") shares only its small words (价格, 多少, 公司) with the FAQ, and those score it like a
 * question about fees or contacts. A group counts for a knowledge base only when none of its phrasings uses any of the
 * group's words: a weather assistant, a travel desk or a recruiting FAQ keeps its subject.
 *
 * Written for this purpose, by topic, from everyday Chinese and English; no single word that support questions use in
 * passing (天, 钱, 公司, 手机, 地址, 时间), and no place names (网点在上海哪里 is a support question).
 */
export const OFF_TOPIC_GROUPS: Readonly<Record<string, readonly string[]>> = {
  weather: [
    '天气', '气温', '天气预报', '空气质量', '紫外线',
    'weather', 'forecast', 'humidity',
  ],
  markets: [
    '股票', '股价', '股市', '基金', '黄金', '金价', '比特币', '加密货币', '币圈', '期货', '大盘', '涨停', '跌停', '牛市', '熊市', '理财产品', '房价', '油价', '市值', '上市', '融资', '估值', '营收', '利润', '财报',
    'stock', 'stocks', 'share price', 'bitcoin', 'crypto', 'gold price', 'market cap', 'ipo', 'revenue', 'profit', 'valuation', 'earnings',
  ],
  ownership: [
    '创始人', '董事长', '老板是谁', '你们老板', '总裁', 'ceo', '股东', '投资人', '幕后老板', '谁开的公司', '公司历史', '成立于哪年', '几年成立',
    'founder', 'founded', 'owner of the company', 'shareholders', 'investors', 'chairman',
  ],
  hiring: [
    '招聘', '应聘', '求职', '招人', '面试', '简历', '实习', '校招', '社招', '薪资', '工资待遇', '待遇怎么样', '入职', '当你们的客服',
    'hiring', 'job opening', 'vacancy', 'vacancies', 'resume', 'internship', 'salary', 'apply for a job', 'work for you', 'careers',
  ],
  food: [
    '做饭', '菜谱', '食谱', '怎么做好吃', '红烧肉', '炒菜', '蛋糕', '火锅', '外卖', '奶茶', '咖啡', '减肥餐', '吃什么好', '早餐吃',
    'recipe', 'recipes', 'cook', 'cooking', 'bake', 'pizza', 'restaurant',
  ],
  health: [
    '感冒', '发烧', '咳嗽', '头疼', '头痛', '肚子疼', '失眠', '吃什么药', '挂号', '医生', '药店', '过敏', '血压', '血糖', '怀孕', '减肥', '健身',
    'fever', 'headache', 'cold medicine', 'doctor', 'hospital', 'pregnant', 'diet', 'workout', 'lose weight',
  ],
  school: [
    '作业', '考试', '高考', '中考', '考研', '四六级', '数学题', '作文', '老师布置', '大学排名', '专业选择', '翻译一下', '英语单词', '古诗', '成语',
    'homework', 'exam', 'essay', 'math problem', 'university ranking', 'translate this', 'poem',
  ],
  sport: [
    '足球', '篮球', '世界杯', '奥运会', 'nba', '比赛结果', '比分', '球队', '球星', '跑步', '游泳', '羽毛球', '乒乓球',
    'football', 'soccer', 'basketball', 'world cup', 'olympics', 'score of the game', 'match result',
  ],
  entertainment: [
    '电影', '电视剧', '综艺', '明星', '演员', '歌手', '唱歌', '听歌', '歌曲', '演唱会', '小说', '动漫', '游戏攻略', '追剧', '八卦', '笑话',
    'movie', 'movies', 'tv show', 'celebrity', 'singer', 'song', 'songs', 'concert', 'novel', 'joke', 'jokes',
  ],
  travel: [
    '机票', '火车票', '高铁票', '酒店预订', '订酒店', '旅游', '景点', '签证', '护照', '自驾游', '度假', '民宿',
    'flight', 'flights', 'plane ticket', 'hotel booking', 'book a hotel', 'visa', 'passport', 'vacation', 'sightseeing', 'tourist',
  ],
  daily: [
    '星座', '运势', '算命', '做梦', '解梦', '生日快乐', '养猫', '养狗', '宠物', '花怎么养', '穿搭', '化妆', '发型', '谈恋爱', '男朋友', '女朋友', '结婚',
    'horoscope', 'zodiac', 'dream meaning', 'pets', 'boyfriend', 'girlfriend', 'wedding', 'dating',
  ],
  trivia: [
    '首都', '人口', '最高的山', '最长的河', '历史上', '朝代', '皇帝', '宇宙', '外星人', '恐龙', '地球', '月亮', '太阳', '光速', '圆周率', '国家主席', '总统',
    'capital of', 'population of', 'tallest mountain', 'longest river', 'president of', 'universe', 'aliens', 'dinosaurs', 'speed of light',
  ],
  news: [
    '新闻', '头条', '热搜', '时事', '国际形势', '选举', '战争',
    'news', 'headlines', 'election', 'politics',
  ],
  // Online shopping in three groups: a support desk that mentions a promotion or a refund in passing does not deliver parcels.
  shopping: [
    '优惠券', '打折', '促销', '双十一', '618', '秒杀', '拼团', '代购', '网购', '淘宝', '京东', '拼多多',
    'coupon', 'discount code', 'black friday',
  ],
  delivery: [
    '快递', '物流', '包裹', '发货', '收货地址', '运费', '到货',
    'shipping', 'delivery status', 'parcel', 'tracking number',
  ],
  returns: [
    '退货', '退款', '换货', '七天无理由',
    'refund', 'return my order',
  ],
  vehicles: [
    '买车', '二手车', '驾照', '违章', '充电桩', '车险', '保养汽车', '限行',
    'driving license', 'car insurance', 'parking ticket', 'gas price',
  ],
  property: [
    '买房', '租房', '房租', '房贷', '装修', '物业费', '中介', '户口', '社保', '公积金', '个税', '退休金',
    'rent an apartment', 'mortgage', 'house price', 'tax return', 'pension',
  ],
};

/** Every word of the groups, each with its group. */
export const OFF_TOPIC_WORDS: ReadonlyMap<string, string> = new Map(Object.entries(OFF_TOPIC_GROUPS).flatMap(([group, words]) => words.map((w) => [w, group] as const)));
