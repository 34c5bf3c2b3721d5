package org.gongzhi.cases.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.Areas;
import org.gongzhi.area.GridLocation;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.domain.CaseDesk;
import org.gongzhi.cases.domain.CasePhotos;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report form (我要反映) for residents, grid workers on patrol (with 自处理) and hotline clerks (with the caller's
 * name and phone), the grid lookup behind its map, and the case photos.
 */
@Controller
class CaseReportController {

	private static final Set<String> FIELDS = Set.of("categoryCode", "requestKind", "description", "lng", "lat",
			"address", "reporterName", "reporterPhone", "photos");

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final PhotoUploads uploads;

	private final Areas areas;

	private final SmartValidator validator;

	private final PageMessages messages;

	private final String mapCenter;

	CaseReportController(CaseDesk desk, CasePhotos photos, PhotoUploads uploads, Areas areas,
			SmartValidator validator, PageMessages messages,
			@Value("${gongzhi.map.center:39.9644,116.4180}") String mapCenter) {
		this.desk = desk;
		this.photos = photos;
		this.uploads = uploads;
		this.areas = areas;
		this.validator = validator;
		this.messages = messages;
		this.mapCenter = mapCenter;
	}

	@GetMapping("/cases/report")
	String form(@AuthenticationPrincipal GongzhiUser me, Model model) {
		model.addAttribute("reportForm", ReportForm.fresh());
		return page(me, model);
	}

	@PostMapping("/cases/report")
	String report(@ModelAttribute("reportForm") ReportForm form, BindingResult result,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		Channel channel = CaseApiController.channelOf(me);
		validator.validate(form.toCmd(channel, null), result);
		List<MultipartFile> chosen = PhotoUploads.chosen(form.getPhotos());
		PhotoUploads.problem(chosen).ifPresent(key -> result.rejectValue("photos", key, messages.text(key)));
		if (form.isSelfHandle() && !me.has(Role.GRID_WORKER)) {
			form.setSelfHandle(false);
		}
		if (result.hasErrors()) {
			return page(me, model);
		}
		List<String> urls = uploads.store(me, null, chosen);
		Instant started = Instant.now();
		CaseView created;
		try {
			ReportCaseCmd cmd = form.toCmd(channel, urls.isEmpty() ? null : urls);
			created = desk.report(me, cmd, form.getIdempotencyKey(), form.isSelfHandle());
		}
		catch (DomainException ex) {
			uploads.discard(me, urls);
			messages.reject(result, ex, FIELDS);
			return page(me, model);
		}
		if (created.receivedAt().isBefore(started)) {
			uploads.discard(me, urls);
		}
		else {
			photos.attach(urls, created.caseNo(), me);
		}
		redirect.addFlashAttribute("reported", true);
		return "redirect:/cases/" + created.caseNo();
	}

	/** Which grid a point on the report map falls in (the map's answer while the user places the pin). */
	@GetMapping("/cases/report/locate")
	String locate(@RequestParam(required = false) Double lng, @RequestParam(required = false) Double lat,
			Model model) {
		if (lng != null && lat != null && Math.abs(lng) <= 180 && Math.abs(lat) <= 90) {
			model.addAttribute("located", true);
			areas.locate(lng, lat).ifPresent(loc -> model.addAttribute("location", loc));
		}
		return "cases/report :: located";
	}

	@GetMapping("/cases/photos/{id:[0-9a-f-]{36}}")
	ResponseEntity<byte[]> photo(@PathVariable String id, @AuthenticationPrincipal GongzhiUser me) {
		return photos.load(me, id)
			.map(p -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(p.contentType()))
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.body(p.data()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private String page(GongzhiUser me, Model model) {
		Channel channel = CaseApiController.channelOf(me);
		model.addAttribute("majors", majors(desk.categories()));
		model.addAttribute("kinds", RequestKind.values());
		model.addAttribute("hotline", channel == Channel.HOTLINE);
		model.addAttribute("gridWorker", me.has(Role.GRID_WORKER));
		model.addAttribute("channel", channel);
		model.addAttribute("mapCenter", mapCenter);
		model.addAttribute("gridOutlines", areas.gridOutlines(outlinedArea(me)).replace("</", "<\\/"));
		return "cases/report";
	}

	/**
	 * Whose grids the report map outlines: the community or street of a staff user's scope (a grid worker's
	 * community), else the street around the map's centre.
	 */
	private String outlinedArea(GongzhiUser me) {
		DataScope scope = me.scope();
		String area = scope.all() ? null : scope.areaCode();
		if (area != null && area.length() >= AreaLevel.STREET.codeLength()) {
			return area.length() > AreaLevel.COMMUNITY.codeLength()
					? area.substring(0, AreaLevel.COMMUNITY.codeLength()) : area;
		}
		String[] latLng = mapCenter.split(",");
		try {
			return areas.locate(Double.parseDouble(latLng[1].strip()), Double.parseDouble(latLng[0].strip()))
				.map(GridLocation::streetCode).orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** A major class and its enabled minor classes, for the two-step picker. */
	record Major(CategoryView major, List<CategoryView> minors) {
	}

	static List<Major> majors(List<CategoryView> categories) {
		Map<String, CategoryView> majors = new LinkedHashMap<>();
		Map<String, List<CategoryView>> minors = new LinkedHashMap<>();
		for (CategoryView c : categories) {
			if (c.major()) {
				majors.put(c.code(), c);
				minors.putIfAbsent(c.code(), new ArrayList<>());
			}
			else {
				minors.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
			}
		}
		List<Major> list = new ArrayList<>();
		majors.forEach((code, major) -> {
			if (!minors.get(code).isEmpty()) {
				list.add(new Major(major, minors.get(code)));
			}
		});
		return list;
	}

}
