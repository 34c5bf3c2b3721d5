package org.gongzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gongzhi (共治): the party-building-led grassroots governance platform, one modular monolith whose business
 * modules are the top-level packages below this one.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@EnableScheduling
public class GongzhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(GongzhiApplication.class, args);
	}

}
