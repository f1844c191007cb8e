package cn.datahub.exchange;

/**
 * An attachment (资源挂接) as an operator gives it: the published resource it feeds, its kind ({@code HTTP},
 * {@code JDBC}, {@code FILE}, or {@code PUSH}, which has none) and the settings of that kind; the other kinds'
 * settings stay empty.
 */
public record AttachmentForm(String resourceCode, String kind, Http http, Jdbc jdbc, Folder file) {

	/**
	 * A department system's API, read page by page.
	 *
	 * @param url the address of the records, with any fixed query parameters
	 * @param format {@code JSON} (an array, at {@code recordsPath} if the records are wrapped) or {@code CSV} with
	 * a header row
	 * @param recordsPath a JSON pointer to the array in each page ({@code /data/list}); empty when the page is one
	 * @param pageParameter the query parameter naming the page; unset when the API answers in one page
	 * @param sizeParameter the query parameter giving the page size
	 * @param pageSize records asked per page; a shorter page is the last
	 * @param firstPage the number of the first page (1 or 0)
	 * @param watermarkParameter the query parameter that asks only for records changed since the last run
	 * ({@code updatedSince})
	 * @param watermarkField the record field whose greatest value is sent next time
	 */
	public record Http(String url, String format, String recordsPath, String pageParameter, String sizeParameter,
			Integer pageSize, Integer firstPage, String watermarkParameter, String watermarkField) {
	}

	/**
	 * A table or query of a department database named in {@code config/} ({@code hub.exchange.sources.datasources}).
	 *
	 * @param table a table (or view), or else
	 * @param query a {@code select} whose rows are the records
	 * @param incrementalColumn an update-time or sequence column; rows above the last run's greatest value are read
	 */
	public record Jdbc(String datasource, String table, String query, String incrementalColumn) {
	}

	/** A drop folder besides the resource's inbox: files put straight in it are the resource's. */
	public record Folder(String path) {
	}

}
