package org.gongzhi.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.ApiTokenService;
import org.gongzhi.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "API tokens (令牌)")
class TokenController {

	private final AuthenticationManager authenticationManager;

	private final ApiTokenService tokens;

	TokenController(AuthenticationManager authenticationManager, ApiTokenService tokens) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
	}

	record TokenRequest(@NotBlank(message = "{auth.username.required}") String username,
			@NotBlank(message = "{auth.password.required}") String password) {
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	@PostMapping("/token")
	@Operation(summary = "Exchange username and password for a bearer token",
			description = "Five failed attempts in a row lock the account for 15 minutes.")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		Authentication auth;
		try {
			auth = authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		}
		catch (LockedException ex) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "auth.locked", null, null);
		}
		catch (DisabledException ex) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "auth.disabled", null, null);
		}
		catch (AuthenticationException ex) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "auth.badCredentials", null, null);
		}
		ApiTokenService.IssuedToken token = tokens.issue((GongzhiUser) auth.getPrincipal());
		return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
	}

}
