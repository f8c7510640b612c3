/**
 * Names a source column goes by, per field of each dataset, in English and Persian: what help
 * desks, phone systems and spreadsheets made by hand call them. The upload page's mapping step
 * suggests a column for a field when its header is one of these (./suggest.ts). The field's own
 * name always counts too. Written as people write them; comparison ignores case, spaces,
 * underscores, the zero-width non-joiner and Arabic versus Persian yeh and kaf.
 */
import type { DatasetName } from './datasets';

type Synonyms = Partial<Record<DatasetName, Record<string, string[]>>>;

const ID_COMMON = ['id', 'شناسه', 'کد', 'شماره'];
const CUSTOMER = ['customer', 'customer id', 'customer code', 'client', 'client id', 'account', 'account id', 'organization', 'organisation', 'company', 'requester', 'مشتری', 'شناسه مشتری', 'کد مشتری', 'شماره مشتری', 'نام مشتری', 'سازمان', 'شرکت', 'درخواست کننده'];
const CHANNEL = ['channel', 'source', 'via', 'contact type', 'medium', 'کانال', 'منبع', 'روش ارتباط', 'راه ارتباط', 'راه ارتباطی'];
const STATUS = ['status', 'state', 'ticket status', 'وضعیت', 'وضعیت تیکت'];

export const SYNONYMS: Synonyms = {
	tickets: {
		id: [...ID_COMMON, 'ticket', 'ticket id', 'ticket number', 'ticket no', 'ticket #', 'number', 'case id', 'case number', 'incident number', 'request id', 'شماره تیکت', 'شناسه تیکت', 'کد تیکت', 'شماره درخواست', 'کد پیگیری'],
		customer_id: CUSTOMER,
		channel: CHANNEL,
		category: ['category', 'type', 'ticket type', 'issue type', 'classification', 'دسته', 'دسته بندی', 'نوع', 'نوع درخواست', 'نوع تیکت'],
		priority: ['priority', 'urgency', 'severity', 'اولویت', 'فوریت', 'اهمیت'],
		support_level: ['support level', 'level', 'سطح پشتیبانی', 'سطح'],
		status: STATUS,
		team: ['team', 'group', 'assignment group', 'department', 'تیم', 'گروه', 'واحد', 'بخش'],
		assignee: ['assignee', 'agent', 'assigned to', 'owner', 'handler', 'کارشناس', 'مسئول', 'کارشناس مسئول', 'مسئول پیگیری'],
		subject: ['subject', 'title', 'summary', 'short description', 'عنوان', 'موضوع', 'شرح'],
		created_at: ['created', 'created at', 'creation date', 'created date', 'date created', 'opened', 'opened at', 'submitted', 'submitted at', 'تاریخ ایجاد', 'تاریخ ثبت', 'زمان ثبت', 'زمان ایجاد', 'تاریخ', 'ایجاد'],
		first_response_at: ['first response', 'first response at', 'first reply', 'first reply at', 'first replied at', 'first responded at', 'اولین پاسخ', 'زمان اولین پاسخ', 'تاریخ اولین پاسخ', 'نخستین پاسخ'],
		resolved_at: ['resolved', 'resolved at', 'solved', 'solved at', 'date solved', 'resolution date', 'تاریخ حل', 'زمان حل', 'تاریخ رفع', 'حل شده در'],
		closed_at: ['closed', 'closed at', 'date closed', 'تاریخ بسته شدن', 'زمان بسته شدن', 'تاریخ بستن', 'بسته شده در']
	},
	calls: {
		id: [...ID_COMMON, 'call', 'call id', 'call number', 'uniqueid', 'unique id', 'شماره تماس', 'شناسه تماس', 'کد تماس'],
		customer_id: [...CUSTOMER, 'caller', 'caller id', 'تماس گیرنده'],
		direction: ['direction', 'call direction', 'in out', 'جهت', 'جهت تماس', 'ورودی خروجی'],
		queue: ['queue', 'line', 'service', 'صف', 'خط', 'سرویس'],
		started_at: ['started', 'started at', 'start', 'start time', 'call start', 'call time', 'date', 'زمان شروع', 'شروع', 'زمان تماس', 'تاریخ تماس', 'تاریخ'],
		answered_at: ['answered', 'answered at', 'answer time', 'زمان پاسخ', 'پاسخ داده شده در'],
		ended_at: ['ended', 'ended at', 'end', 'end time', 'hangup time', 'زمان پایان', 'پایان'],
		wait_seconds: ['wait', 'wait time', 'wait seconds', 'queue time', 'hold time', 'زمان انتظار', 'انتظار', 'مدت انتظار'],
		talk_seconds: ['talk', 'talk time', 'talk seconds', 'duration', 'billsec', 'مدت مکالمه', 'مدت تماس', 'مکالمه'],
		outcome: ['outcome', 'result', 'disposition', 'call status', 'نتیجه', 'وضعیت تماس', 'نتیجه تماس'],
		agent: ['agent', 'operator', 'extension', 'answered by', 'کارشناس', 'اپراتور', 'داخلی'],
		opened_case: ['opened case', 'case opened', 'ticket created', 'ثبت تیکت', 'تیکت ثبت شد'],
		ticket_id: ['ticket', 'ticket id', 'ticket number', 'شماره تیکت', 'شناسه تیکت']
	},
	survey_answers: {
		id: [...ID_COMMON, 'answer id', 'response id', 'survey id', 'rating id', 'شماره پاسخ', 'شناسه پاسخ', 'کد نظرسنجی'],
		customer_id: CUSTOMER,
		ticket_id: ['ticket', 'ticket id', 'ticket number', 'conversation id', 'شماره تیکت', 'شناسه تیکت'],
		kind: ['kind', 'survey type', 'type', 'metric', 'نوع', 'نوع نظرسنجی'],
		occasion: ['occasion', 'trigger', 'campaign', 'مناسبت', 'نوع تماس', 'موقعیت'],
		score: ['score', 'rating', 'satisfaction', 'satisfaction score', 'csat', 'nps', 'grade', 'امتیاز', 'نمره', 'رضایت', 'میزان رضایت'],
		comment: ['comment', 'comments', 'feedback', 'remark', 'note', 'نظر', 'توضیحات', 'بازخورد', 'دیدگاه'],
		answered_at: ['answered', 'answered at', 'date', 'created', 'created at', 'submitted at', 'rated at', 'تاریخ', 'تاریخ پاسخ', 'زمان پاسخ', 'تاریخ ثبت'],
		channel: CHANNEL
	},
	customers: {
		id: [...ID_COMMON, 'customer', 'customer id', 'customer code', 'client id', 'account id', 'شناسه مشتری', 'کد مشتری', 'شماره مشتری'],
		name: ['name', 'customer name', 'company', 'company name', 'organization', 'account name', 'نام', 'نام مشتری', 'نام شرکت', 'سازمان', 'شرکت'],
		segment: ['segment', 'plan', 'customer type', 'size', 'بخش', 'نوع مشتری', 'دسته مشتری', 'طرح'],
		contract_start: ['contract start', 'start date', 'customer since', 'signed', 'شروع قرارداد', 'تاریخ شروع قرارداد', 'تاریخ قرارداد'],
		renewal_date: ['renewal', 'renewal date', 'contract end', 'end date', 'expires', 'تمدید', 'تاریخ تمدید', 'پایان قرارداد', 'تاریخ پایان قرارداد'],
		owner: ['owner', 'account manager', 'csm', 'مسئول', 'مدیر حساب', 'کارشناس فروش'],
		contact_name: ['contact', 'contact name', 'contact person', 'نماینده', 'نام رابط', 'رابط', 'شخص رابط'],
		contact_phone: ['phone', 'contact phone', 'telephone', 'mobile', 'تلفن', 'شماره تلفن', 'موبایل', 'تلفن همراه'],
		contact_email: ['email', 'e-mail', 'contact email', 'mail', 'ایمیل', 'رایانامه', 'پست الکترونیک'],
		tier: ['tier', 'contract tier', 'sla', 'service level', 'سطح قرارداد', 'سطح خدمات'],
		contact_since: ['contact since', 'contact changed', 'رابط از', 'تاریخ تغییر رابط']
	},
	ticket_status_changes: {
		ticket_id: ['ticket', 'ticket id', 'ticket number', 'number', 'شماره تیکت', 'شناسه تیکت'],
		changed_at: ['changed at', 'changed', 'date', 'time', 'timestamp', 'updated at', 'زمان تغییر', 'تاریخ تغییر', 'تاریخ', 'زمان'],
		status: [...STATUS, 'new status', 'to status', 'وضعیت جدید']
	},
	product_activity: {
		customer_id: CUSTOMER,
		day: ['day', 'date', 'روز', 'تاریخ'],
		kind: ['kind', 'event', 'metric', 'activity', 'نوع', 'رویداد', 'فعالیت'],
		count: ['count', 'value', 'events', 'total', 'تعداد', 'مقدار', 'شمار']
	},
	annotations: {
		id: [...ID_COMMON, 'release', 'version', 'incident id', 'شناسه رویداد'],
		kind: ['kind', 'type', 'نوع'],
		starts_at: ['starts at', 'start', 'started', 'date', 'released at', 'شروع', 'زمان شروع', 'تاریخ', 'تاریخ انتشار'],
		ends_at: ['ends at', 'end', 'ended', 'resolved at', 'پایان', 'زمان پایان'],
		title: ['title', 'name', 'summary', 'عنوان', 'نام'],
		description: ['description', 'details', 'notes', 'توضیحات', 'شرح']
	}
};
