package cn.datahub.catalogue;

import java.util.Optional;

/**
 * The steps a resource may take: DRAFT → PUBLISHED → RETIRED. A published resource never goes back to draft,
 * and a retired one is kept as it was, for the record.
 */
public final class Lifecycle {

	private Lifecycle() {
	}

	/**
	 * @param from the stored status, or null for a new resource
	 * @return why the step is refused, if it is
	 */
	public static Optional<Violation> check(ResourceStatus from, ResourceStatus to) {
		if (from == null && to == ResourceStatus.RETIRED) {
			return refuse("a new resource starts as DRAFT or PUBLISHED", "新资源的状态只能是草稿或已发布");
		}
		if (from == ResourceStatus.PUBLISHED && to == ResourceStatus.DRAFT) {
			return refuse("a published resource cannot return to DRAFT", "已发布的资源不能退回草稿");
		}
		if (from == ResourceStatus.DRAFT && to == ResourceStatus.RETIRED) {
			return refuse("a draft is deleted, not retired; only a published resource can be RETIRED", "草稿应删除而非停用，只有已发布的资源可以停用");
		}
		if (from == ResourceStatus.RETIRED) {
			return refuse("a retired resource cannot be changed", "已停用的资源不能修改");
		}
		return Optional.empty();
	}

	private static Optional<Violation> refuse(String message, String messageZh) {
		return Optional.of(new Violation("status", message, messageZh));
	}

}
