/**
 * What domain code needs from accounts: the viewer and the predicates that decide what it
 * may see. A domain function takes the viewer as an argument (locals.user in a route) and
 * leaves customer names, phones and comments out of what it returns when canSeeCustomerPii /
 * canSeeComments say no (executives).
 */
export { ROLES, isRole, canSeeComments, canSeeCustomerPii, isAdmin, type Role, type User, type Viewer } from './roles';
export { audit, type AuditEntry, type By } from '../audit';
