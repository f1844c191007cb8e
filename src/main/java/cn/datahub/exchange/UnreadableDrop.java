package cn.datahub.exchange;

/**
 * A dropped file that is not what its name says: a workbook that is damaged, not a zip, password-protected or an
 * old .xls. Reading it again would fail again, so it is set aside in {@code failed/} with the reason.
 */
class UnreadableDrop extends RuntimeException {

	UnreadableDrop(String message, Throwable cause) {
		super(message, cause);
	}

}
