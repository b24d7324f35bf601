// The console's words in English and Arabic, and numbers, money and times written the way each reader expects.
// Times are shown in Baghdad time, the time the crossings work in.

const ZONE = 'Asia/Baghdad';
const STORED_LANGUAGE = 'bcc.console.language';

const WORDS = {
  en: {
    'app.title': 'Auditor console',
    'app.skip': 'Skip to content',
    'app.loading': 'Loading…',
    'app.signOut': 'Sign out',
    'app.language': 'العربية',
    'app.signedInAs': 'Signed in as {name}',
    'nav.label': 'Sections',
    'nav.revenue': 'Revenue',
    'nav.crossings': 'Crossings',
    'nav.discrepancies': 'Discrepancies',
    'signIn.title': 'Border Crossings Commission — auditor console',
    'signIn.lead': 'Revenue, crossings and discrepancy cases across Iraq\'s 22 land crossings. For auditors and senior auditors.',
    'signIn.button': 'Sign in',
    'signIn.how': 'You sign in with your Commission account on the Commission\'s sign-in page.',
    'signIn.failed': 'Sign-in did not complete: {reason}',
    'signIn.expired': 'Your session has ended. Sign in again to continue.',
    'signIn.noAccess': 'This console is for auditors and senior auditors. The account {name} has neither role.',
    'signIn.unavailable': 'The sign-in service cannot be reached: {reason}',
    'error.title': 'Something went wrong',
    'error.retry': 'Try again',
    'error.forbidden': 'Your account may not see this.',
    'error.notFound': 'Not found.',
    'common.from': 'From',
    'common.to': 'To',
    'common.show': 'Show',
    'common.none': 'None',
    'common.noData': 'No figures for this period.',
    'common.asTable': 'Figures as a table',
    'common.crossing': 'Crossing',
    'common.yearEarlier': 'a year earlier',
    'common.period': '{from} to {to}',
    'common.baghdadTime': 'Times are Baghdad time.',
    'common.separator': ' · ',
    'money.iqd': '{amount} IQD',
    'revenue.title': 'Revenue',
    'revenue.lead': 'Duty assessed on the declarations lodged in the period, what was collected on them, and the gap, against the same period a year earlier.',
    'revenue.assessed': 'Assessed',
    'revenue.collected': 'Collected',
    'revenue.gap': 'Gap',
    'revenue.ratio': 'Collection ratio',
    'revenue.assessedEarlier': 'Assessed a year earlier',
    'revenue.collectedEarlier': 'Collected a year earlier',
    'revenue.gapEarlier': 'Gap a year earlier',
    'revenue.byCrossing': 'By crossing',
    'revenue.byCrossingHint': 'Each crossing has two bars: this period and a year earlier. Collected and gap add up to assessed. Pick a crossing to open its scorecard.',
    'revenue.byMonth': 'By month',
    'revenue.byMonthHint': 'The twelve months up to {to}, with the same months a year earlier.',
    'revenue.thisPeriod': 'This period',
    'revenue.month': 'Month',
    'revenue.vsEarlier': 'A year earlier: {amount}',
    'crossings.title': 'Crossings at a glance',
    'crossings.lead': 'The 22 land crossings by neighbouring country, for the last 30 days. The colour shows the share of assessed duty collected; the side stripe shows the money at stake in discrepancies.',
    'crossings.legend': 'Legend',
    'crossings.ratioGood': 'Collected 95 % or more',
    'crossings.ratioFair': 'Collected 80 % to 95 %',
    'crossings.ratioPoor': 'Collected under 80 %',
    'crossings.ratioNone': 'Nothing assessed',
    'crossings.stakeHigh': 'At stake 10 million IQD or more',
    'crossings.stakeSome': 'Some at stake',
    'crossings.ratioLine': 'Collected {ratio}',
    'crossings.stakeLine': '{count} discrepancies, {amount} at stake',
    'country.IR': 'Iran',
    'country.TR': 'Turkey',
    'country.SY': 'Syria',
    'country.JO': 'Jordan',
    'country.SA': 'Saudi Arabia',
    'country.KW': 'Kuwait',
    'scorecard.title': '{name} ({code})',
    'scorecard.where': 'Border with {country} · {governorate} · {region}',
    'scorecard.declarations': 'Declarations lodged',
    'scorecard.released': 'Released',
    'scorecard.offHours': 'Released between 18:00 and 06:00',
    'scorecard.discrepancies': 'Discrepancies',
    'scorecard.atStake': 'Amount at stake',
    'scorecard.byType': 'Discrepancies by type',
    'scorecard.count': 'Cases',
    'scorecard.open': 'Open',
    'scorecard.allCases': 'All discrepancies at {name}',
    'scorecard.back': 'Back to revenue',
    'region.FEDERAL': 'Federal',
    'region.KURDISTAN': 'Kurdistan Region',
    'cases.title': 'Discrepancies',
    'cases.filters': 'Filters',
    'cases.anyCrossing': 'All crossings',
    'cases.anyType': 'All types',
    'cases.anyStatus': 'All statuses',
    'cases.type': 'Type',
    'cases.status': 'Status',
    'cases.detectedFrom': 'Detected from',
    'cases.detectedTo': 'Detected to',
    'cases.minAmount': 'At least (IQD)',
    'cases.apply': 'Apply filters',
    'cases.csv': 'Download CSV',
    'cases.detected': 'Detected',
    'cases.amount': 'At stake',
    'cases.fourEyes': 'Four eyes',
    'cases.open': 'Open case',
    'cases.openLabel': 'Open {type} at {crossing}, {amount}',
    'cases.none': 'No discrepancies match these filters.',
    'cases.next': 'Next page',
    'cases.previous': 'Previous page',
    'cases.page': 'Page {page}',
    'cases.downloaded': 'The CSV file has been downloaded.',
    'fourEyes.notRequired': 'One decision is enough',
    'fourEyes.required': 'A dismissal needs a second, different senior auditor',
    'fourEyes.pending': 'Awaiting a second senior auditor',
    'case.title': '{type} at {crossing}',
    'case.summary': 'Case',
    'case.id': 'Case number',
    'case.declaration': 'Declaration',
    'case.closedReason': 'Closed because',
    'case.evidence': 'Evidence',
    'case.fourEyes': 'Four-eyes state',
    'case.threshold': 'A dismissal above {amount} takes effect only after a second, different senior auditor dismisses too.',
    'case.belowThreshold': 'At stake is not above {amount}: one decision takes effect.',
    'case.firstDismissal': 'First dismissed by {who} on {when}: “{reason}”',
    'case.awaiting': 'Waiting for a dismissal by a senior auditor other than {who}.',
    'case.youDismissed': 'You gave the first dismissal: a different senior auditor must give the second.',
    'case.history': 'Decisions',
    'case.noDecisions': 'No decisions yet.',
    'case.decidedBy': 'By',
    'case.when': 'When',
    'case.decision': 'Decision',
    'case.reason': 'Reason',
    'case.effect': 'Effect',
    'case.decide': 'Record a decision',
    'case.reasonHint': 'Say what you checked and found; it is kept in the ledger.',
    'case.submit': 'Record decision',
    'case.final': 'This case is {status}: no further decisions.',
    'case.recorded': 'Decision recorded: {decision}.',
    'case.chooseDecision': 'Choose a decision.',
    'case.needReason': 'Give a reason.',
    'case.seniorOnly': 'Only a senior auditor can give the second dismissal.',
    'decision.REVIEW': 'Review — I am working on it',
    'decision.CONFIRM': 'Confirm — revenue was lost',
    'decision.DISMISS': 'Dismiss — no loss',
    'decisionShort.REVIEW': 'Review',
    'decisionShort.CONFIRM': 'Confirm',
    'decisionShort.DISMISS': 'Dismiss',
    'effect.APPLIED': 'Applied',
    'effect.AWAITING_SECOND_SENIOR': 'Waiting for a second senior auditor',
    'story.title': 'The declaration\'s story',
    'story.direction': 'Direction',
    'story.lane': 'Lane',
    'story.duty': 'Duty assessed',
    'story.paid': 'Paid',
    'story.balance': 'Balance',
    'story.timeline': 'Timeline',
    'story.recorded': 'recorded {when}',
    'story.notFiled': 'The declaration itself was never received.',
    'story.unknown': 'Nothing is known about this declaration.',
    'event.iq.bcc.declaration.filed.v1': 'Filed',
    'event.iq.bcc.declaration.amended.v1': 'Amended',
    'event.iq.bcc.declaration.weighed.v1': 'Weighed',
    'event.iq.bcc.declaration.inspected.v1': 'Inspected',
    'event.iq.bcc.declaration.released.v1': 'Released',
    'event.iq.bcc.declaration.transit-exited.v1': 'Exited',
    'event.iq.bcc.payment.recorded.v1': 'Paid',
    'event.iq.bcc.assessment.completed.v1': 'Assessed',
    'detail.version': 'Version {version}: {items} item(s), gross {gross} kg, value {value}',
    'detail.amendment': 'Version {version}: {reason}',
    'detail.weighed': '{kg} kg on scale {scale}',
    'detail.inspected': '{channel} inspection: {outcome}',
    'detail.paid': 'Receipt {number}: {amount} {currency} ({method})',
    'detail.released': 'Released in the {lane} lane',
    'detail.exited': 'Left Iraq at {crossing}',
    'detail.assessed': 'Duty {amount}',
    'type.UNPAID_RELEASE': 'Unpaid release',
    'type.UNDERPAYMENT': 'Underpayment',
    'type.ORPHAN_PAYMENT': 'Receipt without declaration',
    'type.DUPLICATE_RECEIPT': 'Duplicate receipt',
    'type.WEIGHT_MISMATCH': 'Weight mismatch',
    'type.POST_FILING_RECLASSIFICATION': 'Reclassified after filing',
    'type.INVALID_EXEMPTION': 'Invalid exemption',
    'type.OFF_HOURS_RELEASE': 'Off-hours release',
    'type.UNIT_VALUE_OUTLIER': 'Unit value outlier',
    'type.RED_LANE_NOT_INSPECTED': 'Red lane not inspected',
    'type.TRANSIT_NOT_DISCHARGED': 'Transit not discharged',
    'status.OPEN': 'Open',
    'status.UNDER_REVIEW': 'Under review',
    'status.CONFIRMED': 'Confirmed',
    'status.DISMISSED': 'Dismissed',
    'status.CLOSED': 'Closed',
    'direction.IMPORT': 'Import',
    'direction.EXPORT': 'Export',
    'direction.TRANSIT': 'Transit',
    'lane.GREEN': 'green',
    'lane.YELLOW': 'yellow',
    'lane.RED': 'red',
    'lane.BLUE': 'blue',
  },
  ar: {
    'app.title': 'منصة المدققين',
    'app.skip': 'انتقل إلى المحتوى',
    'app.loading': 'جارٍ التحميل…',
    'app.signOut': 'تسجيل الخروج',
    'app.language': 'English',
    'app.signedInAs': 'المستخدم: {name}',
    'nav.label': 'الأقسام',
    'nav.revenue': 'الإيرادات',
    'nav.crossings': 'المنافذ',
    'nav.discrepancies': 'المخالفات',
    'signIn.title': 'هيئة المنافذ الحدودية — منصة المدققين',
    'signIn.lead': 'الإيرادات والمنافذ وحالات المخالفات في المنافذ البرية الاثنين والعشرين في العراق. للمدققين وكبار المدققين.',
    'signIn.button': 'تسجيل الدخول',
    'signIn.how': 'تسجّل الدخول بحسابك في الهيئة عبر صفحة الدخول الخاصة بالهيئة.',
    'signIn.failed': 'لم يكتمل تسجيل الدخول: {reason}',
    'signIn.expired': 'انتهت جلستك. سجّل الدخول مجددًا للمتابعة.',
    'signIn.noAccess': 'هذه المنصة للمدققين وكبار المدققين فقط. الحساب {name} لا يحمل أيًّا من الدورين.',
    'signIn.unavailable': 'تعذّر الوصول إلى خدمة تسجيل الدخول: {reason}',
    'error.title': 'حدث خطأ',
    'error.retry': 'أعد المحاولة',
    'error.forbidden': 'لا يحق لحسابك الاطلاع على هذا.',
    'error.notFound': 'غير موجود.',
    'common.from': 'من',
    'common.to': 'إلى',
    'common.show': 'عرض',
    'common.none': 'لا شيء',
    'common.noData': 'لا أرقام لهذه الفترة.',
    'common.asTable': 'الأرقام في جدول',
    'common.crossing': 'المنفذ',
    'common.yearEarlier': 'قبل سنة',
    'common.period': 'من {from} إلى {to}',
    'common.baghdadTime': 'الأوقات بتوقيت بغداد.',
    // A middle dot reads as an Arabic-Indic zero.
    'common.separator': ' — ',
    'money.iqd': '{amount} د.ع',
    'revenue.title': 'الإيرادات',
    'revenue.lead': 'الرسوم المقدّرة على البيانات المقدّمة في الفترة، وما حُصّل منها، والفجوة بينهما، مقارنةً بالفترة نفسها قبل سنة.',
    'revenue.assessed': 'المقدّر',
    'revenue.collected': 'المحصّل',
    'revenue.gap': 'الفجوة',
    'revenue.ratio': 'نسبة التحصيل',
    'revenue.assessedEarlier': 'المقدّر قبل سنة',
    'revenue.collectedEarlier': 'المحصّل قبل سنة',
    'revenue.gapEarlier': 'الفجوة قبل سنة',
    'revenue.byCrossing': 'حسب المنفذ',
    'revenue.byCrossingHint': 'لكل منفذ عمودان: هذه الفترة وقبل سنة. المحصّل والفجوة مجموعهما المقدّر. اختر منفذًا لفتح بطاقة أدائه.',
    'revenue.byMonth': 'حسب الشهر',
    'revenue.byMonthHint': 'الأشهر الاثنا عشر حتى {to}، مع الأشهر نفسها قبل سنة.',
    'revenue.thisPeriod': 'هذه الفترة',
    'revenue.month': 'الشهر',
    'revenue.vsEarlier': 'قبل سنة: {amount}',
    'crossings.title': 'المنافذ في لمحة',
    'crossings.lead': 'المنافذ البرية الاثنان والعشرون حسب الدولة المجاورة، لآخر 30 يومًا. يدل اللون على نسبة ما حُصّل من الرسوم المقدّرة، ويدل الشريط الجانبي على المبالغ المعرّضة للخطر في المخالفات.',
    'crossings.legend': 'مفتاح الألوان',
    'crossings.ratioGood': 'حُصّل 95٪ فأكثر',
    'crossings.ratioFair': 'حُصّل من 80٪ إلى 95٪',
    'crossings.ratioPoor': 'حُصّل أقل من 80٪',
    'crossings.ratioNone': 'لا رسوم مقدّرة',
    'crossings.stakeHigh': 'مبالغ معرّضة للخطر 10 ملايين د.ع فأكثر',
    'crossings.stakeSome': 'مبالغ معرّضة للخطر',
    'crossings.ratioLine': 'التحصيل {ratio}',
    'crossings.stakeLine': '{count} مخالفة، {amount} معرّضة للخطر',
    'country.IR': 'إيران',
    'country.TR': 'تركيا',
    'country.SY': 'سوريا',
    'country.JO': 'الأردن',
    'country.SA': 'السعودية',
    'country.KW': 'الكويت',
    'scorecard.title': '{name} ({code})',
    'scorecard.where': 'الحدود مع {country} — {governorate} — {region}',
    'scorecard.declarations': 'البيانات المقدّمة',
    'scorecard.released': 'المُفرج عنها',
    'scorecard.offHours': 'أُفرج عنها بين 18:00 و06:00',
    'scorecard.discrepancies': 'المخالفات',
    'scorecard.atStake': 'المبلغ المعرّض للخطر',
    'scorecard.byType': 'المخالفات حسب النوع',
    'scorecard.count': 'الحالات',
    'scorecard.open': 'المفتوحة',
    'scorecard.allCases': 'كل المخالفات في {name}',
    'scorecard.back': 'العودة إلى الإيرادات',
    'region.FEDERAL': 'اتحادي',
    'region.KURDISTAN': 'إقليم كوردستان',
    'cases.title': 'المخالفات',
    'cases.filters': 'عوامل التصفية',
    'cases.anyCrossing': 'كل المنافذ',
    'cases.anyType': 'كل الأنواع',
    'cases.anyStatus': 'كل الحالات',
    'cases.type': 'النوع',
    'cases.status': 'الحالة',
    'cases.detectedFrom': 'اكتُشفت من',
    'cases.detectedTo': 'اكتُشفت حتى',
    'cases.minAmount': 'لا يقل عن (د.ع)',
    'cases.apply': 'تطبيق التصفية',
    'cases.csv': 'تنزيل CSV',
    'cases.detected': 'تاريخ الاكتشاف',
    'cases.amount': 'المعرّض للخطر',
    'cases.fourEyes': 'مبدأ العينين الأربع',
    'cases.open': 'فتح الحالة',
    'cases.openLabel': 'فتح {type} في {crossing}، {amount}',
    'cases.none': 'لا مخالفات تطابق هذه التصفية.',
    'cases.next': 'الصفحة التالية',
    'cases.previous': 'الصفحة السابقة',
    'cases.page': 'الصفحة {page}',
    'cases.downloaded': 'نُزّل ملف CSV.',
    'fourEyes.notRequired': 'يكفي قرار واحد',
    'fourEyes.required': 'الإسقاط يحتاج إلى مدقق أول ثانٍ مختلف',
    'fourEyes.pending': 'بانتظار مدقق أول ثانٍ',
    'case.title': '{type} في {crossing}',
    'case.summary': 'الحالة',
    'case.id': 'رقم الحالة',
    'case.declaration': 'البيان الجمركي',
    'case.closedReason': 'سبب الإغلاق',
    'case.evidence': 'الأدلة',
    'case.fourEyes': 'حالة مبدأ العينين الأربع',
    'case.threshold': 'إسقاط ما يزيد على {amount} لا يسري إلا بعد أن يُسقطه مدقق أول آخر.',
    'case.belowThreshold': 'المبلغ لا يزيد على {amount}: يسري القرار الواحد.',
    'case.firstDismissal': 'أسقطها أولًا {who} في {when}: «{reason}»',
    'case.awaiting': 'بانتظار إسقاط من مدقق أول غير {who}.',
    'case.youDismissed': 'أنت من أعطى الإسقاط الأول: يجب أن يعطي الثاني مدقق أول آخر.',
    'case.history': 'القرارات',
    'case.noDecisions': 'لا قرارات بعد.',
    'case.decidedBy': 'بواسطة',
    'case.when': 'التاريخ',
    'case.decision': 'القرار',
    'case.reason': 'السبب',
    'case.effect': 'الأثر',
    'case.decide': 'تسجيل قرار',
    'case.reasonHint': 'اذكر ما تحققت منه وما وجدته؛ يُحفظ في السجل.',
    'case.submit': 'تسجيل القرار',
    'case.final': 'هذه الحالة {status}: لا قرارات أخرى.',
    'case.recorded': 'سُجّل القرار: {decision}.',
    'case.chooseDecision': 'اختر قرارًا.',
    'case.needReason': 'اذكر السبب.',
    'case.seniorOnly': 'لا يعطي الإسقاط الثاني إلا مدقق أول.',
    'decision.REVIEW': 'مراجعة — أعمل عليها',
    'decision.CONFIRM': 'تأكيد — فُقدت إيرادات',
    'decision.DISMISS': 'إسقاط — لا خسارة',
    'decisionShort.REVIEW': 'مراجعة',
    'decisionShort.CONFIRM': 'تأكيد',
    'decisionShort.DISMISS': 'إسقاط',
    'effect.APPLIED': 'نافذ',
    'effect.AWAITING_SECOND_SENIOR': 'بانتظار مدقق أول ثانٍ',
    'story.title': 'قصة البيان الجمركي',
    'story.direction': 'الاتجاه',
    'story.lane': 'المسار',
    'story.duty': 'الرسم المقدّر',
    'story.paid': 'المدفوع',
    'story.balance': 'المتبقي',
    'story.timeline': 'التسلسل الزمني',
    'story.recorded': 'سُجّل {when}',
    'story.notFiled': 'لم يصل البيان نفسه قط.',
    'story.unknown': 'لا شيء معروف عن هذا البيان.',
    'event.iq.bcc.declaration.filed.v1': 'قُدّم',
    'event.iq.bcc.declaration.amended.v1': 'عُدّل',
    'event.iq.bcc.declaration.weighed.v1': 'وُزن',
    'event.iq.bcc.declaration.inspected.v1': 'عوين',
    'event.iq.bcc.declaration.released.v1': 'أُفرج عنه',
    'event.iq.bcc.declaration.transit-exited.v1': 'غادر',
    'event.iq.bcc.payment.recorded.v1': 'سُدّد',
    'event.iq.bcc.assessment.completed.v1': 'قُدّر الرسم',
    'detail.version': 'النسخة {version}: {items} بند، الوزن القائم {gross} كغ، القيمة {value}',
    'detail.amendment': 'النسخة {version}: {reason}',
    'detail.weighed': '{kg} كغ على الميزان {scale}',
    'detail.inspected': 'معاينة {channel}: {outcome}',
    'detail.paid': 'الإيصال {number}: {amount} {currency} ({method})',
    'detail.released': 'أُفرج عنه في المسار {lane}',
    'detail.exited': 'غادر العراق من {crossing}',
    'detail.assessed': 'الرسم {amount}',
    'type.UNPAID_RELEASE': 'إفراج دون سداد',
    'type.UNDERPAYMENT': 'نقص في السداد',
    'type.ORPHAN_PAYMENT': 'إيصال بلا بيان',
    'type.DUPLICATE_RECEIPT': 'إيصال مكرر',
    'type.WEIGHT_MISMATCH': 'اختلاف الوزن',
    'type.POST_FILING_RECLASSIFICATION': 'إعادة تصنيف بعد التقديم',
    'type.INVALID_EXEMPTION': 'إعفاء غير صالح',
    'type.OFF_HOURS_RELEASE': 'إفراج خارج أوقات الدوام',
    'type.UNIT_VALUE_OUTLIER': 'قيمة وحدة شاذة',
    'type.RED_LANE_NOT_INSPECTED': 'مسار أحمر دون معاينة',
    'type.TRANSIT_NOT_DISCHARGED': 'ترانزيت لم يغادر',
    'status.OPEN': 'مفتوحة',
    'status.UNDER_REVIEW': 'قيد المراجعة',
    'status.CONFIRMED': 'مؤكدة',
    'status.DISMISSED': 'مُسقطة',
    'status.CLOSED': 'مغلقة',
    'direction.IMPORT': 'استيراد',
    'direction.EXPORT': 'تصدير',
    'direction.TRANSIT': 'ترانزيت',
    'lane.GREEN': 'الأخضر',
    'lane.YELLOW': 'الأصفر',
    'lane.RED': 'الأحمر',
    'lane.BLUE': 'الأزرق',
  },
};

let language = localStorage.getItem(STORED_LANGUAGE) === 'ar' ? 'ar' : 'en';

export function currentLanguage() {
  return language;
}

export function setLanguage(next) {
  language = next === 'ar' ? 'ar' : 'en';
  localStorage.setItem(STORED_LANGUAGE, language);
}

/** The word for key in the current language, with {name} placeholders filled; the key itself if missing. */
export function t(key, values = {}) {
  const text = WORDS[language][key] ?? WORDS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

/** Whether a word exists, for codes the service may add later (a new discrepancy type shows as its code). */
export function has(key) {
  return key in WORDS.en;
}

export function label(prefix, code) {
  return has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code;
}

function locale() {
  // ar-IQ writes Arabic-Indic digits, as Iraqi paperwork does; en-GB writes dates day first.
  return language === 'ar' ? 'ar-IQ' : 'en-GB';
}

export function number(value, digits = 0) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(Number(value));
}

export function money(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  return t('money.iqd', { amount: number(value) });
}

export function compactMoney(value) {
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(Number(value));
}

export function percent(ratio) {
  if (ratio === null || ratio === undefined || ratio === '') {
    return '—';
  }
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(Number(ratio));
}

export function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}

export function date(isoDay) {
  // A plain day (2026-08-01) is a Baghdad day: format it as a calendar date, not an instant.
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function month(isoMonth) {
  const [year, monthNumber] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** Today in Baghdad as 2026-08-01. */
export function todayInBaghdad() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function shiftDays(isoDay, days) {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function crossingName(crossing) {
  return language === 'ar' ? crossing.nameAr : crossing.nameEn;
}
