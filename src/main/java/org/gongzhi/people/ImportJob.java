package org.gongzhi.people;

import java.time.Instant;

/**
 * An import running in the background whose progress a page polls: started with
 * ResidentImports.start, read with ResidentImports.job, or over HTTP with a POST to /api/v1/residents/import with
 * async=true (202 with this body) and then GET /api/v1/residents/import/jobs/ID until the state is final.
 *
 * @param id the job id
 * @param totalRows data rows in the file, known once it has been read
 * @param processedRows rows validated, then rows imported
 * @param percent 0 to 100, for a progress bar
 * @param report the result once the state is DONE or REJECTED, else null
 */
public record ImportJob(String id, State state, int totalRows, int processedRows, int percent, ImportReport report,
		Instant startedAt, Instant finishedAt) {

	/** Where the job is: reading the file, validating rows, writing rows, or finished. */
	public enum State {

		/** 读取文件 */
		READING,
		/** 校验 */
		VALIDATING,
		/** 导入 */
		IMPORTING,
		/** 完成 */
		DONE,
		/** 有错误，未导入 */
		REJECTED,
		/** 意外失败，未导入 */
		FAILED;

		public boolean finished() {
			return this == DONE || this == REJECTED || this == FAILED;
		}

		public String messageKey() {
			return "people.import.state." + name();
		}

	}

}
