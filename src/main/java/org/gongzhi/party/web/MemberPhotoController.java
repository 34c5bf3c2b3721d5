package org.gongzhi.party.web;

import java.io.IOException;
import java.time.Duration;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.domain.MemberPhotos;
import org.gongzhi.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Badge photos (亮身份照片) on pages: the member uploads their own from their page, and every signed-in user sees
 * the photo on the member's public badge. Managers upload through MemberPhotoApiController.
 */
@Controller
class MemberPhotoController {

	private final MemberPhotos photos;

	MemberPhotoController(MemberPhotos photos) {
		this.photos = photos;
	}

	@GetMapping("/party/members/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return photos.load(me, id)
			.map(p -> ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
				.header("X-Content-Type-Options", "nosniff").body(p.data()))
			.orElseThrow(() -> DomainException.notFound("party.photo.notFound"));
	}

	@PostMapping("/party/members/{id}/photo")
	String upload(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile file,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) throws IOException {
		try {
			photos.store(me, id, file == null ? null : file.getBytes());
			redirect.addFlashAttribute("notice", "party.photo.saved");
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/party/mine";
	}

}
