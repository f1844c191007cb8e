package cn.datahub.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A clock the test sets, so that catalogue changes can be dated in the past (a resource published in June 2021,
 * changed in July) and reports asked about those days.
 */
public class MutableClock extends Clock {

	private final ZoneId zone;

	private volatile Instant now;

	public MutableClock(ZoneId zone) {
		this.zone = zone;
		this.now = Instant.now();
	}

	/** Sets the time, read in the clock's zone. */
	public void set(LocalDateTime time) {
		this.now = time.atZone(this.zone).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		throw new UnsupportedOperationException("The test clock keeps the hub's zone");
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
