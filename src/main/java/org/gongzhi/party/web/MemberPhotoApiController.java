package org.gongzhi.party.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.domain.MemberPhotos;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Badge photos through the API: a manager in scope, or the member themself, uploads or replaces the photo. */
@RestController
@Tag(name = "Party organisations and members", description = "党组织、空白点、党员、亮身份")
class MemberPhotoApiController {

	private final MemberPhotos photos;

	MemberPhotoApiController(MemberPhotos photos) {
		this.photos = photos;
	}

	@PostMapping(value = "/api/v1/party/members/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload or replace a member's badge photo (JPEG, PNG, GIF or WebP, at most 2 MB)")
	ResponseEntity<Void> upload(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile file,
			@AuthenticationPrincipal GongzhiUser me) throws IOException {
		photos.store(me, id, file == null ? null : file.getBytes());
		return ResponseEntity.noContent().build();
	}

}
