package cn.datahub.testing;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link MutableClock} in the hub's zone in place of the hub's clock, for test contexts whose tests set the
 * time (history spanning months, deadlines counted across holidays).
 */
@TestConfiguration
public class MutableClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(ZoneId.of("Asia/Shanghai"));
	}

}
