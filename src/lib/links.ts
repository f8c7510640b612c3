/**
 * Where a record links to, in one place, so pages agree and a new page changes one line.
 * A ticket opens its page; a customer's page comes with issue 8 (customer care), until then a
 * customer link filters the survey answers to that customer (see the Surveys page).
 */
export const ticketHref = (id: string): string => `/tickets/${encodeURIComponent(id)}`;
