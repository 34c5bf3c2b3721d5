package org.gongzhi.cases;

/**
 * The kind of request (诉求类型): 咨询 consult, 求助 help, 投诉 complaint, 举报 report, 建议 suggestion.
 */
public enum RequestKind {

	CONSULT, HELP, COMPLAINT, REPORT, SUGGESTION;

	public String messageKey() {
		return "case.kind." + name();
	}

}
