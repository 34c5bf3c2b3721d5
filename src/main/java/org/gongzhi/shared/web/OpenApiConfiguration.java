package org.gongzhi.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}: every operation takes a bearer token from {@code POST /api/v1/auth/token}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI gongzhiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Gongzhi 共治 API").version("v1")
				.description("Party-building-led grassroots governance. Errors are RFC 9457 problem details; "
						+ "messages are Simplified Chinese unless Accept-Language asks for English."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
