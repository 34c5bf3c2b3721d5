package org.gongzhi.people.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.ImportJob;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ImportReport;
import org.gongzhi.people.ResidentImports;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Resident import", description = "Excel 导入: template, import with every error, background jobs")
class ResidentImportApiController {

	private final ResidentImports imports;

	private final MessageSource messages;

	ResidentImportApiController(ResidentImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/api/v1/residents/import/template")
	@Operation(summary = "The .xlsx import template", description = "First sheet headers: 姓名, 性别, 民族, 出生日期, "
			+ "证件类型, 证件号码, 联系电话, 户籍类型, 户籍地址, 社区编码, 楼栋, 单元, 房号, 与户主关系, 关爱类别, 备注; "
			+ "a second sheet explains every column and lists the community codes.")
	ResponseEntity<byte[]> template() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		imports.template(out);
		return ResponseEntity.ok().headers(Downloads.xlsx("居民导入模板.xlsx")).body(out.toByteArray());
	}

	@PostMapping(value = "/api/v1/residents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import residents from the template", description = "Every row is validated first. Any "
			+ "invalid row answers 422 (application/problem+json) with imported 0, rejected (rows with errors) and errors "
			+ "(row as Excel numbers it, the header being row 1; column; message) and imports nothing; a valid file "
			+ "imports every row in one transaction and answers imported, rejected and errors. mode=UPDATE_EXISTING "
			+ "updates residents whose ID number is registered instead of refusing them. async=true answers 202 with "
			+ "a job to poll at /api/v1/residents/import/jobs/ID.")
	ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file,
			@Parameter(description = "CREATE_ONLY (default) or UPDATE_EXISTING") @RequestParam(defaultValue = "CREATE_ONLY") ImportMode mode,
			@Parameter(description = "run in the background and answer a job to poll") @RequestParam(defaultValue = "false") boolean async,
			@AuthenticationPrincipal GongzhiUser me) {
		if (file.isEmpty()) {
			throw DomainException.invalid("file", "people.import.noFile");
		}
		if (async) {
			ImportJob job = imports.start(me, bytes(file), mode);
			return ResponseEntity.accepted().location(URI.create("/api/v1/residents/import/jobs/" + job.id())).body(job);
		}
		ImportReport report;
		try (InputStream in = file.getInputStream()) {
			report = imports.importExcel(me, in, mode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (report.errors().isEmpty()) {
			return ResponseEntity.ok(report);
		}
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(refused(report));
	}

	private ProblemDetail refused(ImportReport report) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("people.import.refused", new Object[] { report.rejected() },
						LocaleContextHolder.getLocale()));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("imported", report.imported());
		problem.setProperty("rejected", report.rejected());
		problem.setProperty("errors", report.errors());
		return problem;
	}

	@GetMapping("/api/v1/residents/import/jobs/{id}")
	@Operation(summary = "Progress of a background import", description = "state READING, VALIDATING, IMPORTING, then "
			+ "DONE, REJECTED (report holds every error, nothing imported) or FAILED; percent for a progress bar.")
	ImportJob job(@PathVariable String id, @AuthenticationPrincipal GongzhiUser me) {
		return imports.job(me, id).orElseThrow(() -> DomainException.notFound("people.import.jobNotFound"));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
