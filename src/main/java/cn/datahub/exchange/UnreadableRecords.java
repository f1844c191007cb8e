package cn.datahub.exchange;

/**
 * A pushed body that cannot be read as records at all (not JSON, no array, broken CSV): refused whole, before
 * any record is applied.
 */
class UnreadableRecords extends RuntimeException {

	UnreadableRecords(String message) {
		super(message);
	}

}
