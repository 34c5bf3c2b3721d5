package org.gongzhi.people;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.gongzhi.identity.GongzhiUser;

/**
 * The Excel import of residents (Excel 导入). The template's first sheet has the headers 姓名, 性别, 民族, 出生日期,
 * 证件类型, 证件号码, 联系电话, 户籍类型, 户籍地址, 社区编码, 楼栋, 单元, 房号, 与户主关系, 关爱类别, 备注 in that order;
 * 关爱类别 holds several group names separated by the Chinese enumeration comma. Every row is validated first; any
 * invalid row rejects the whole file and nothing is imported, otherwise all rows are imported in one transaction.
 * <p>
 * For a progress bar, a page calls start with the uploaded bytes and then polls job with the answered id (about once a
 * second) until its state is final; the report then holds the result. Over HTTP the same is a POST to
 * /api/v1/residents/import with the multipart part file and async=true, answered 202 with the job, then
 * GET /api/v1/residents/import/jobs/ID. Jobs live in the database, so any node answers the poll.
 */
public interface ResidentImports {

	/** Writes the empty template (.xlsx) with a second sheet explaining the columns and allowed values. */
	void template(OutputStream out);

	/** Validates and imports a workbook in the caller's thread; the report lists every error when rejected. */
	ImportReport importExcel(GongzhiUser me, InputStream xlsx, ImportMode mode);

	/** Starts importing a workbook in the background and answers the job to poll. */
	ImportJob start(GongzhiUser me, byte[] xlsx, ImportMode mode);

	/** A job the caller started (system administrators see every job). */
	Optional<ImportJob> job(GongzhiUser me, String jobId);

	/** Whether the caller may import (community staff, street and system administrators). */
	boolean canImport(GongzhiUser me);

}
