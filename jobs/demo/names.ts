/**
 * Word lists for the demo data: Persian organisation and person names (each word with a Latin
 * spelling for e-mail addresses), staff of the support and care units, ticket subjects and
 * survey comments. All names are made up by combining words; e-mail domains use the reserved
 * .example top-level domain so that no demo address can reach a real mailbox.
 */
import type { Rng } from './random';

type Word = readonly [fa: string, latin: string];
export type Segment = 'government' | 'bank' | 'enterprise' | 'small_business';
export type Category = 'bug' | 'feature_request' | 'how_to' | 'user_error' | 'customisation';

const PROVINCES: Word[] = [
	['تهران', 'tehran'],
	['اصفهان', 'isfahan'],
	['فارس', 'fars'],
	['خراسان رضوی', 'khorasan'],
	['آذربایجان شرقی', 'azarbaijan'],
	['خوزستان', 'khuzestan'],
	['گیلان', 'gilan'],
	['مازندران', 'mazandaran'],
	['کرمان', 'kerman'],
	['یزد', 'yazd'],
	['قزوین', 'qazvin'],
	['همدان', 'hamedan'],
	['کردستان', 'kurdistan'],
	['البرز', 'alborz'],
	['قم', 'qom'],
	['زنجان', 'zanjan'],
	['سمنان', 'semnan'],
	['هرمزگان', 'hormozgan'],
	['بوشهر', 'bushehr'],
	['کرمانشاه', 'kermanshah'],
	['لرستان', 'lorestan'],
	['مرکزی', 'markazi'],
	['گلستان', 'golestan'],
	['اردبیل', 'ardabil']
];

const CITIES: Word[] = [
	['تهران', 'tehran'],
	['شیراز', 'shiraz'],
	['مشهد', 'mashhad'],
	['تبریز', 'tabriz'],
	['کرج', 'karaj'],
	['رشت', 'rasht'],
	['اصفهان', 'isfahan'],
	['اهواز', 'ahvaz'],
	['کرمان', 'kerman'],
	['ساری', 'sari'],
	['یزد', 'yazd'],
	['قزوین', 'qazvin']
];

/** Government bodies; some carry a comma, which the CSV writer must quote. */
const GOV_FIELDS: Word[] = [
	['ثبت اسناد و املاک', 'sabt'],
	['امور مالیاتی', 'tax'],
	['تامین اجتماعی', 'tamin'],
	['بهزیستی', 'behzisti'],
	['راه و شهرسازی', 'rah'],
	['منابع طبیعی و آبخیزداری', 'manabe'],
	['میراث فرهنگی، گردشگری و صنایع‌دستی', 'miras'],
	['آموزش و پرورش', 'amoozesh'],
	['جهاد کشاورزی', 'jahad'],
	['حفاظت محیط زیست', 'env'],
	['آموزش فنی و حرفه‌ای', 'tvto'],
	['ورزش و جوانان', 'varzesh'],
	['صنعت، معدن و تجارت', 'smt'],
	['تعاون، کار و رفاه اجتماعی', 'kar'],
	['اوقاف و امور خیریه', 'oghaf'],
	['استاندارد', 'standard'],
	['دامپزشکی', 'dampezeshki'],
	['بنادر و دریانوردی', 'ports']
];

const FIN_PREFIXES: Word[] = [
	['بانک', 'bank'],
	['بانک', 'bank'],
	['موسسه اعتباری', 'credit'],
	['بیمه', 'bimeh'],
	['صندوق سرمایه‌گذاری', 'fund'],
	['کارگزاری بورس', 'broker'],
	['لیزینگ', 'leasing']
];
const FIN_WORDS: Word[] = [
	['توسعه', 'tosee'],
	['سرمایه', 'sarmayeh'],
	['اعتماد', 'etemad'],
	['پیشگامان', 'pishgaman'],
	['امید', 'omid'],
	['نوین', 'novin'],
	['اقتصاد', 'eghtesad'],
	['همیاری', 'hamyari'],
	['آتیه', 'atiyeh'],
	['پایدار', 'paydar'],
	['فردا', 'farda'],
	['ایرانیان', 'iranian']
];
const REGIONS: Word[] = [
	['پارس', 'pars'],
	['البرز', 'alborz'],
	['زاگرس', 'zagros'],
	['دماوند', 'damavand'],
	['خلیج فارس', 'khalij'],
	['کاسپین', 'caspian'],
	['آریا', 'aria'],
	['سپهر', 'sepehr'],
	['کوثر', 'kowsar'],
	['سینا', 'sina'],
	['آسیا', 'asia'],
	['شرق', 'shargh']
];

const ENTERPRISE_PREFIXES: Word[] = [
	['گروه صنعتی', 'group'],
	['هلدینگ', 'holding'],
	['شرکت پتروشیمی', 'petro'],
	['شرکت فولاد', 'foolad'],
	['پالایشگاه', 'refinery'],
	['شرکت توزیع نیروی برق', 'bargh'],
	['شرکت آب و فاضلاب', 'abfa'],
	['شرکت ریلی', 'rail'],
	['شرکت کشتیرانی', 'shipping'],
	['داروسازی', 'pharma'],
	['شرکت سیمان', 'siman'],
	['شرکت معدنی', 'madan'],
	['شرکت ارتباطات', 'telecom'],
	['شرکت پخش', 'pakhsh'],
	['شرکت خودروسازی', 'auto']
];
const BRAND_WORDS: Word[] = [
	['سپاهان', 'sepahan'],
	['کیمیا', 'kimia'],
	['آرین', 'arian'],
	['مهر', 'mehr'],
	['سپید', 'sepid'],
	['آسمان', 'aseman'],
	['ماهان', 'mahan'],
	['دنا', 'dena'],
	['تابان', 'taban'],
	['رهاورد', 'rahavard'],
	['بهین', 'behin'],
	['پویا', 'pouya'],
	['ستاره', 'setareh'],
	['آوا', 'ava'],
	['نیکان', 'nikan'],
	['ارغوان', 'arghavan'],
	['پرنیان', 'parnian'],
	['کیان', 'kian'],
	['نگین', 'negin'],
	['آرمان', 'arman'],
	['رایان', 'rayan'],
	['هامون', 'hamoun'],
	['بهار', 'bahar'],
	['ترنم', 'taranom'],
	['افرا', 'afra'],
	['سروین', 'servin']
];
const INDUSTRIES: Word[] = [
	['صنعت', 'sanat'],
	['تجارت', 'tejarat'],
	['انرژی', 'energy'],
	['لجستیک', 'logistics'],
	['سازه', 'sazeh'],
	['الکترونیک', 'electronic'],
	['پخش', 'pakhsh'],
	['ساختمان', 'sakhteman'],
	['غذا', 'ghaza'],
	['نساجی', 'nasaji']
];
const SMALL_PREFIXES: Word[] = [
	['شرکت بازرگانی', 'trading'],
	['فروشگاه‌های زنجیره‌ای', 'stores'],
	['کلینیک', 'clinic'],
	['آموزشگاه', 'academy'],
	['دفتر حسابداری', 'accounting'],
	['آژانس مسافرتی', 'travel'],
	['مرکز خدمات', 'services'],
	['چاپخانه', 'print'],
	['شرکت نرم‌افزاری', 'soft'],
	['داروخانه', 'pharmacy'],
	['هتل', 'hotel'],
	['شرکت مهندسی', 'eng'],
	['موسسه حقوقی', 'law'],
	['شرکت حمل و نقل', 'transport']
];

const MALE: Word[] = [
	['علی', 'ali'],
	['محمد', 'mohammad'],
	['رضا', 'reza'],
	['حسین', 'hossein'],
	['مهدی', 'mehdi'],
	['امیر', 'amir'],
	['سعید', 'saeed'],
	['حمید', 'hamid'],
	['مجید', 'majid'],
	['کامران', 'kamran'],
	['بهزاد', 'behzad'],
	['آرش', 'arash'],
	['فرهاد', 'farhad'],
	['محسن', 'mohsen'],
	['جواد', 'javad'],
	['کاوه', 'kaveh'],
	['بابک', 'babak'],
	['سینا', 'sina'],
	['امید', 'omid'],
	['مسعود', 'masoud']
];
const FEMALE: Word[] = [
	['مریم', 'maryam'],
	['زهرا', 'zahra'],
	['فاطمه', 'fatemeh'],
	['سارا', 'sara'],
	['نگار', 'negar'],
	['الهام', 'elham'],
	['مهسا', 'mahsa'],
	['شیما', 'shima'],
	['لیلا', 'leila'],
	['نرگس', 'narges'],
	['سمیرا', 'samira'],
	['پریسا', 'parisa'],
	['نازنین', 'nazanin'],
	['آزاده', 'azadeh'],
	['رویا', 'roya'],
	['مینا', 'mina'],
	['هانیه', 'hanieh'],
	['ستاره', 'setareh']
];
const LAST: Word[] = [
	['احمدی', 'ahmadi'],
	['محمدی', 'mohammadi'],
	['رضایی', 'rezaei'],
	['حسینی', 'hosseini'],
	['کریمی', 'karimi'],
	['موسوی', 'mousavi'],
	['جعفری', 'jafari'],
	['صادقی', 'sadeghi'],
	['رحیمی', 'rahimi'],
	['کاظمی', 'kazemi'],
	['قاسمی', 'ghasemi'],
	['اکبری', 'akbari'],
	['نوری', 'nouri'],
	['شریفی', 'sharifi'],
	['طاهری', 'taheri'],
	['رستمی', 'rostami'],
	['عباسی', 'abbasi'],
	['حیدری', 'heydari'],
	['مرادی', 'moradi'],
	['سلیمانی', 'soleimani'],
	['نجفی', 'najafi'],
	['زارعی', 'zarei'],
	['یوسفی', 'yousefi'],
	['ابراهیمی', 'ebrahimi'],
	['فراهانی', 'farahani'],
	['توکلی', 'tavakoli'],
	['بهرامی', 'bahrami'],
	['شجاعی', 'shojaei'],
	['امینی', 'amini'],
	['نیک‌نام', 'niknam']
];

/** The support unit: five agents at the support level, three at the technical level. */
export const SUPPORT_AGENTS = ['سارا کریمی', 'رضا محمدی', 'نگار حسینی', 'امیر جعفری', 'مهسا رستمی'] as const;
export const TECHNICAL_AGENTS = ['حمید نوری', 'پیمان شریفی', 'الهام طاهری'] as const;
/** The customer-care unit, who own customer relationships and make the outbound calls. */
export const CARE_STAFF = ['مریم صادقی', 'علیرضا کاظمی', 'زهرا موسوی', 'بهنام قاسمی', 'فاطمه اکبری'] as const;

export interface OrgName {
	name: string;
	/** Latin slug for the e-mail domain. */
	slug: string;
	domain: string;
}

export function orgName(rng: Rng, segment: Segment): OrgName {
	switch (segment) {
		case 'government': {
			const field = rng.pick(GOV_FIELDS);
			const province = rng.pick(PROVINCES);
			const form = rng.int(0, 9);
			if (form < 5) return org(`اداره کل ${field[0]} استان ${province[0]}`, `${field[1]}-${province[1]}`, 'gov.example');
			if (form < 8) return org(`سازمان ${field[0]} استان ${province[0]}`, `${field[1]}-${province[1]}`, 'gov.example');
			const city = rng.pick(CITIES);
			return rng.chance(0.5) ? org(`شهرداری ${city[0]}`, `shahrdari-${city[1]}`, 'gov.example') : org(`دانشگاه ${city[0]}`, `university-${city[1]}`, 'ac.example');
		}
		case 'bank': {
			const p = rng.pick(FIN_PREFIXES);
			const w = rng.pick(FIN_WORDS);
			const r = rng.pick(REGIONS);
			return org(`${p[0]} ${w[0]} ${r[0]}`, `${p[1]}-${w[1]}-${r[1]}`, 'example');
		}
		case 'enterprise': {
			const b = rng.pick(BRAND_WORDS);
			if (rng.chance(0.35)) {
				const ind = rng.pick(INDUSTRIES);
				return org(`شرکت ${b[0]} ${ind[0]}`, `${b[1]}-${ind[1]}`, 'example');
			}
			const p = rng.pick(ENTERPRISE_PREFIXES);
			if (rng.chance(0.5)) {
				const prov = rng.pick(PROVINCES);
				return org(`${p[0]} ${b[0]} ${prov[0]}`, `${p[1]}-${b[1]}-${prov[1]}`, 'example');
			}
			return org(`${p[0]} ${b[0]}`, `${p[1]}-${b[1]}`, 'example');
		}
		case 'small_business': {
			const p = rng.pick(SMALL_PREFIXES);
			const b = rng.pick(BRAND_WORDS);
			if (rng.chance(0.5)) {
				const c = rng.pick(CITIES);
				return org(`${p[0]} ${b[0]} ${c[0]}`, `${p[1]}-${b[1]}-${c[1]}`, 'example');
			}
			return org(`${p[0]} ${b[0]}`, `${p[1]}-${b[1]}`, 'example');
		}
	}
}

function org(name: string, slug: string, tld: string): OrgName {
	return { name, slug, domain: `${slug}.${tld}` };
}

export interface PersonName {
	name: string;
	latin: string;
}

export function personName(rng: Rng): PersonName {
	const first = rng.chance(0.5) ? rng.pick(MALE) : rng.pick(FEMALE);
	const last = rng.pick(LAST);
	return { name: `${first[0]} ${last[0]}`, latin: `${first[1]}.${last[1]}` };
}

const MOBILE_PREFIXES = ['0912', '0912', '0912', '0935', '0936', '0919', '0901', '0921', '0937', '0910'];

export function mobileNumber(rng: Rng): string {
	return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, '0');
}

const SUBJECTS: Record<Category, string[]> = {
	how_to: [
		'نحوه تعریف کاربر جدید',
		'راهنمای گرفتن گزارش ماهانه',
		'تغییر دسترسی نقش‌ها چگونه است؟',
		'تنظیم چاپ فرم‌ها',
		'سؤال درباره خروجی اکسل',
		'نحوه پشتیبان‌گیری از اطلاعات',
		'تنظیم گردش کار نامه‌ها',
		'راهنمای نصب نسخه کلاینت',
		'سؤال درباره امضای دیجیتال',
		'تعریف سال مالی جدید'
	],
	user_error: [
		'رمز عبور را فراموش کرده‌ام',
		'حساب کاربری قفل شده است',
		'ورود اطلاعات اشتباه در فرم',
		'حذف اشتباهی یک سند',
		'عدم ورود به سامانه',
		'پیام خطای "Access denied" هنگام ورود',
		'خطای تاریخ در ثبت سند',
		'تنظیم نادرست مرورگر'
	],
	bug: [
		'خطا هنگام ذخیره فرم',
		'گزارش ماهانه خالی نمایش داده می‌شود',
		'کندی شدید صفحه جست‌وجو',
		'خطای ۵۰۰ در بارگذاری فایل',
		'محاسبه نادرست جمع ستون‌ها',
		'قطع شدن نشست کاربر',
		'پیامک تأیید ارسال نمی‌شود',
		'خطا در همگام‌سازی با سرور'
	],
	feature_request: [
		'درخواست امکان خروجی PDF',
		'افزودن فیلتر تاریخ شمسی به گزارش‌ها',
		'امکان ورود دومرحله‌ای',
		'اتصال به سامانه مالی',
		'درخواست نسخه موبایل',
		'امکان تعریف داشبورد اختصاصی',
		'ارسال اعلان ایمیلی'
	],
	customisation: [
		'سفارشی‌سازی فرم درخواست خرید',
		'تغییر قالب چاپ نامه‌ها',
		'افزودن فیلد اختصاصی به پرونده',
		'گزارش اختصاصی برای مدیریت',
		'تغییر گردش کار تأیید'
	]
};

export function subject(rng: Rng, category: Category, context?: { release?: string; incident?: boolean }): string {
	if (context?.incident && category !== 'feature_request' && category !== 'customisation' && rng.chance(0.7)) {
		return rng.pick(['کندی اتصال به سامانه', 'قطع ارتباط با سرور', 'صفحات سامانه باز نمی‌شوند', 'خطای اتصال در ورود کاربران']);
	}
	if (context?.release && (category === 'bug' || category === 'how_to') && rng.chance(0.6)) {
		const v = context.release;
		return category === 'bug'
			? rng.pick([`خطا پس از به‌روزرسانی به نسخه ${v}`, `گزارش‌ها در نسخه ${v} باز نمی‌شوند`, `کندی سامانه بعد از نسخه ${v}`])
			: rng.pick([`تغییر منوها در نسخه ${v}`, `گزینه چاپ در نسخه ${v} کجاست؟`, `راهنمای امکانات نسخه ${v}`]);
	}
	return rng.pick(SUBJECTS[category]);
}

const COMMENTS = {
	good: [
		'پاسخگویی سریع و دقیق بود، ممنون.',
		'از پیگیری کارشناس پشتیبانی راضی هستیم.',
		'مشکل در همان تماس حل شد.',
		'خیلی خوب، لطفاً همین‌طور ادامه دهید.',
		'کارشناس با حوصله توضیح داد.'
	],
	middle: ['پاسخ خوب بود ولی کمی طول کشید.', 'در مجموع راضی هستیم.', 'انتظار داشتیم زودتر پیگیری کنید.', 'راهنمای سامانه کامل‌تر شود.'],
	bad: [
		'چند بار تماس گرفتیم و کسی پاسخ نداد.',
		'مشکل ما هنوز حل نشده است.',
		'زمان انتظار در صف تماس خیلی طولانی است.',
		'هر بار باید مشکل را از اول توضیح بدهیم.',
		'بعد از به‌روزرسانی، کار کاربران ما مختل شد.'
	]
};

/** A comment matching the score band (NPS 0-10 or CSAT 1-5). */
export function comment(rng: Rng, kind: 'nps' | 'csat', score: number): string {
	const band = kind === 'nps' ? (score >= 9 ? 'good' : score >= 7 ? 'middle' : 'bad') : score >= 4 ? 'good' : score === 3 ? 'middle' : 'bad';
	return rng.pick(COMMENTS[band]);
}
