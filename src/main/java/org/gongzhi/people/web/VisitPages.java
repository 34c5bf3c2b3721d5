package org.gongzhi.people.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.CareVisitReport;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.Residents;
import org.gongzhi.people.VisitKind;
import org.gongzhi.people.VisitView;
import org.gongzhi.people.Visits;
import org.gongzhi.shared.DomainException;
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
 * Care visits (关爱走访) for grid workers on their phones: the worklist of overdue care group members, the record-visit
 * form (when, findings, follow-up, an optional photo), the photos, and the community's overdue-visit report.
 */
@Controller
class VisitPages {

	static final long MAX_PHOTO_BYTES = 5L * 1024 * 1024;

	private static final Set<String> FIELDS = Set.of("residentId", "roomCode", "kind", "visitedAt", "findings",
			"followUp", "photo");

	private final Visits visits;

	private final Residents residents;

	private final PeoplePageSupport support;

	private final SmartValidator validator;

	VisitPages(Visits visits, Residents residents, PeoplePageSupport support, SmartValidator validator) {
		this.visits = visits;
		this.residents = residents;
		this.support = support;
		this.validator = validator;
	}

	@GetMapping("/people/visits")
	String worklist(@RequestParam(required = false) String area, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal GongzhiUser me, Model model) {
		String narrowed = PeoplePageSupport.blank(area);
		model.addAttribute("overdue", visits.overdue(me, narrowed, Math.max(0, page), 20));
		model.addAttribute("recent", visits.recent(me, narrowed, 0, 5).items());
		model.addAttribute("area", narrowed);
		model.addAttribute("communities", support.communities(me));
		return "people/visits";
	}

	@GetMapping("/people/visits/new")
	String form(@RequestParam(required = false) Long residentId, @RequestParam(required = false) String roomCode,
			@RequestParam(required = false) VisitKind kind, @AuthenticationPrincipal GongzhiUser me, Model model) {
		ResidentCard card = residentId == null ? null : residents.card(me, residentId);
		VisitKind chosen = kind != null ? kind
				: card != null && !card.groups().isEmpty() ? VisitKind.CARE : VisitKind.HOUSEHOLD;
		model.addAttribute("visitForm", VisitPageForm.fresh(residentId, roomCode, chosen));
		return page(me, card, model);
	}

	@PostMapping("/people/visits")
	String record(@ModelAttribute("visitForm") VisitPageForm form, BindingResult result,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		ResidentCard card = form.getResidentId() == null ? null : residents.card(me, form.getResidentId());
		if (form.getResidentId() == null && PeoplePageSupport.blank(form.getRoomCode()) == null) {
			result.reject("people.page.visit.whom", support.text("people.page.visit.whom"));
		}
		byte[] photo = photo(form.getPhoto(), result);
		if (form.getVisitedAt() != null && form.getVisitedAt().isAfter(LocalDateTime.now(PeoplePageAdvice.ZONE)
			.plusMinutes(5))) {
			result.rejectValue("visitedAt", "people.page.visit.future", support.text("people.page.visit.future"));
		}
		if (!result.hasFieldErrors("visitedAt") && !result.hasFieldErrors("kind")) {
			validator.validate(form.toCmd(photo), result);
		}
		if (result.hasErrors()) {
			return page(me, card, model);
		}
		VisitView visit;
		try {
			visit = visits.record(me, form.toCmd(photo));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			if (ex.field() != null && FIELDS.contains(ex.field())) {
				result.rejectValue(ex.field(), ex.messageKey(), ex.args(), support.text(ex));
			}
			else {
				result.reject(ex.messageKey(), ex.args(), support.text(ex));
			}
			return page(me, card, model);
		}
		redirect.addFlashAttribute("notice", "people.page.visit.saved");
		return visit.residentId() != null ? "redirect:/people/" + visit.residentId() + "#person-visits"
				: "redirect:/people/visits";
	}

	@GetMapping("/people/visits/{id:\\d+}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return visits.photo(me, id)
			.map(p -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(p.contentType()))
				.cacheControl(CacheControl.noStore())
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.body(p.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/people/visits/report")
	String report(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		List<PeoplePageSupport.CommunityOption> communities = support.communities(me);
		if (communities.isEmpty()) {
			throw DomainException.forbidden("people.page.report.noCommunity");
		}
		String chosen = communities.stream().map(c -> c.community().code())
			.filter(c -> c.equals(PeoplePageSupport.blank(community))).findFirst()
			.orElse(communities.get(0).community().code());
		CareVisitReport report = visits.report(me, chosen);
		model.addAttribute("report", report);
		model.addAttribute("communities", communities);
		model.addAttribute("community", chosen);
		model.addAttribute("overdue", visits.overdue(me, chosen, 0, 50));
		return "people/report";
	}

	private String page(GongzhiUser me, ResidentCard card, Model model) {
		model.addAttribute("card", card);
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("maxPhotoMb", MAX_PHOTO_BYTES / 1024 / 1024);
		return "people/visit-form";
	}

	/** The photo's bytes when one was chosen and it is an image of at most 5 MB (JPEG, PNG or WebP). */
	private byte[] photo(MultipartFile file, BindingResult result) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > MAX_PHOTO_BYTES) {
			result.rejectValue("photo", "people.page.visit.photoTooLarge",
					support.text("people.page.visit.photoTooLarge"));
			return null;
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!image(bytes)) {
			result.rejectValue("photo", "people.page.visit.photoType", support.text("people.page.visit.photoType"));
			return null;
		}
		return bytes;
	}

	static boolean image(byte[] b) {
		boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
		boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
		boolean webp = b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
				&& b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
		return jpeg || png || webp;
	}

}
