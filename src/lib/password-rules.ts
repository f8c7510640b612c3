/** Password rules shared by the forms (hints, minlength) and the server (the check itself). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
