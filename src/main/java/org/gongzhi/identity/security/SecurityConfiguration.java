package org.gongzhi.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.domain.ApiTokenService;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.shared.web.ProblemWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the pages (form sign-in, HTTP session, CSRF) and the API under {@code /api/} (stateless bearer tokens,
 * problem bodies for 401/403). {@code /actuator/health} is open for load balancers; the rest of actuator needs a
 * system administrator.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(SignInService signIn, PasswordEncoder encoder,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(signIn);
		provider.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, MessageSource messages,
			LocaleResolver locales, AuthenticationManager authenticationManager) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**").permitAll()
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, messages, locales), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(req, res, 401, "problem.unauthorized.title",
						"problem.unauthorized", messages, locales))
				.accessDeniedHandler((req, res, ex) -> problem(req, res, 403, "problem.forbidden.title",
						"problem.forbidden", messages, locales)));
		return http.build();
	}

	/** Open311 GeoReport v2: public reads, POSTs carry the client's api_key (checked by the open311 module). */
	@Bean
	@Order(0)
	SecurityFilterChain open311(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.authorizeHttpRequests(a -> a.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
			FirstAdminFilter firstAdmin) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/setup", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
						"/error", "/preferences/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole(Role.SYSTEM_ADMIN.name())
				.requestMatchers("/admin/**").hasRole(Role.SYSTEM_ADMIN.name())
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").failureHandler(failureHandler()).defaultSuccessUrl("/", false))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
			.addFilterBefore(firstAdmin, UsernamePasswordAuthenticationFilter.class)
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data: blob: https: http:; style-src 'self' 'unsafe-inline'; "
							+ "script-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
		return http.build();
	}

	static AuthenticationFailureHandler failureHandler() {
		return (request, response, ex) -> {
			String reason = ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}

	private static void problem(HttpServletRequest req, HttpServletResponse res, int status, String titleKey,
			String detailKey, MessageSource messages, LocaleResolver locales) throws IOException {
		var locale = locales.resolveLocale(req);
		ProblemWriter.write(res, status, messages.getMessage(titleKey, null, locale),
				messages.getMessage(detailKey, null, locale));
	}

}
