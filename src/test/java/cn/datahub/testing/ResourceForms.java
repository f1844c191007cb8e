package cn.datahub.testing;

import java.util.Arrays;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ResourceForm;

/**
 * Resources as a department's registrar fills them in, valid unless a test breaks them on purpose.
 */
public final class ResourceForms {

	private ResourceForms() {
	}

	/**
	 * A resource in the format 数据库; a conditional one states its condition and one not shared cites its legal
	 * basis, as the sharing rules ask. A null status leaves it to the hub (a draft).
	 */
	public static ResourceForm resource(String code, String name, String providerCode, String category, String domain,
			String shareType, String openType, String updateCycle, String status, String summary, DataItem... items) {
		String condition = shareType.equals("CONDITIONAL") ? "仅限政务部门依法履职使用，经提供部门审核同意" : null;
		String basis = shareType.equals("NOT_SHARED") ? "《中华人民共和国个人信息保护法》第三十四条；《政务信息资源共享管理暂行办法》第九条" : null;
		return new ResourceForm(code, name, providerCode, category, domain, shareType, condition, basis, openType,
				updateCycle, "数据库", summary, Arrays.asList(items), status);
	}

	public static ResourceForm withStatus(ResourceForm r, String status) {
		return new ResourceForm(r.code(), r.name(), r.providerCode(), r.category(), r.domain(), r.shareType(),
				r.shareCondition(), r.notSharedBasis(), r.openType(), r.updateCycle(), r.format(), r.summary(), r.items(),
				status);
	}

	public static ResourceForm withName(ResourceForm r, String name) {
		return new ResourceForm(r.code(), name, r.providerCode(), r.category(), r.domain(), r.shareType(),
				r.shareCondition(), r.notSharedBasis(), r.openType(), r.updateCycle(), r.format(), r.summary(), r.items(),
				r.status());
	}

}
