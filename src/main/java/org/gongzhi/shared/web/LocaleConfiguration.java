package org.gongzhi.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese first: pages are zh-CN unless the user switched to English ({@code ?lang=en}, remembered in a
 * cookie), whatever the browser's language; API clients may ask for English with {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

	public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("gz_lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromHeader);
		return resolver;
	}

	static Locale fromHeader(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && header != null && !header.isBlank()) {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String lang = range.getRange().toLowerCase(Locale.ROOT);
				if (lang.startsWith("zh")) {
					return Locale.SIMPLIFIED_CHINESE;
				}
				if (lang.startsWith("en")) {
					return Locale.ENGLISH;
				}
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
