package cn.datahub;

import java.time.Clock;

import cn.datahub.system.HubProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

	public static void main(String[] args) {
		SpringApplication.run(HubApplication.class, args);
	}

	@Bean
	Clock clock(HubProperties properties) {
		return Clock.system(properties.zone());
	}

}
