package org.gongzhi.people.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.ImportJob;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ResidentImports;
import org.gongzhi.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Excel import page (Excel 导入): the template download, the upload, and the job page whose progress bar polls the
 * background import until it is done or rejected with its full error table (row, column, message).
 */
@Controller
class ImportPages {

	private final ResidentImports imports;

	private final PeoplePageSupport support;

	ImportPages(ResidentImports imports, PeoplePageSupport support) {
		this.imports = imports;
		this.support = support;
	}

	@GetMapping("/people/import")
	String page(@AuthenticationPrincipal GongzhiUser me, Model model) {
		requireImport(me);
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", ImportMode.CREATE_ONLY);
		return "people/import";
	}

	@GetMapping("/people/import/template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal GongzhiUser me) {
		requireImport(me);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		imports.template(out);
		return ResponseEntity.ok()
			.contentType(ResidentPages.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(support.text("people.page.import.templateFile") + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
	}

	@PostMapping("/people/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "CREATE_ONLY") ImportMode mode, @AuthenticationPrincipal GongzhiUser me,
			Model model) throws IOException {
		requireImport(me);
		String problem = null;
		if (file == null || file.isEmpty()) {
			problem = support.text("people.page.import.noFile");
		}
		else if (!xlsx(file)) {
			problem = support.text("people.page.import.notXlsx");
		}
		if (problem == null) {
			try {
				ImportJob job = imports.start(me, file.getBytes(), mode);
				return "redirect:/people/import/jobs/" + job.id();
			}
			catch (DomainException ex) {
				if (ex.status().value() == 403) {
					throw ex;
				}
				problem = support.text(ex);
			}
		}
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", mode);
		model.addAttribute("uploadError", problem);
		return "people/import";
	}

	@GetMapping("/people/import/jobs/{id}")
	String job(@PathVariable String id, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		ImportJob job = imports.job(me, id)
			.orElseThrow(() -> DomainException.notFound("people.page.import.jobNotFound", id));
		model.addAttribute("job", job);
		return htmx != null ? "people/import-job :: progress" : "people/import-job";
	}

	/** An .xlsx file is a ZIP archive: its name ends in .xlsx and its bytes begin with PK. */
	private static boolean xlsx(MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		byte[] head = file.getInputStream().readNBytes(2);
		return name.endsWith(".xlsx") && head.length == 2 && head[0] == 'P' && head[1] == 'K';
	}

	private void requireImport(GongzhiUser me) {
		if (!imports.canImport(me)) {
			throw DomainException.forbidden("people.page.import.forbidden");
		}
	}

}
