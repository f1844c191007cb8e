package cn.datahub.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter the idempotent repository trusts to say a record version is surely new: it must never say so of one
 * added, and must say "maybe" of few that were not. Keys are fingerprint heads of 冠县's insured persons, as the hub
 * adds them.
 */
class BloomFilterTests {

	@Test
	void everyKeyAddedIsHeldAndAboutOneInTwentyOfTheOthersAtEightBitsAKey() {
		BloomFilter filter = BloomFilter.forKeys(100_000, VersionRun.FILTER_BITS);
		IntStream.range(0, 100_000).forEach(n -> filter.add(head(n)));

		assertThat(IntStream.range(0, 100_000).filter(n -> !filter.mayHold(head(n)))).as("added, but not held").isEmpty();
		long falseYes = IntStream.range(100_000, 200_000).filter(n -> filter.mayHold(head(n))).count();
		assertThat(falseYes).as("persons never added that the filter may hold, of 100,000").isBetween(2_000L, 7_000L);
	}

	@Test
	void keysAddedFromTwoThreadsAtOnceIntoTheSameWordsAreAllHeld() {
		BloomFilter small = new BloomFilter(64);
		CompletableFuture<Void> odd = CompletableFuture
			.runAsync(() -> LongStream.range(0, 200_000).filter(n -> n % 2 == 1).forEach(n -> small.add(n * 0x9E3779B97F4A7C15L)));
		LongStream.range(0, 200_000).filter(n -> n % 2 == 0).forEach(n -> small.add(n * 0x9E3779B97F4A7C15L));
		odd.join();

		assertThat(LongStream.range(0, 200_000).filter(n -> !small.mayHold(n * 0x9E3779B97F4A7C15L))).isEmpty();
	}

	@Test
	void aFilterOfOneWordStillHoldsWhatWasAdded() {
		BloomFilter tiny = BloomFilter.forKeys(0, VersionRun.FILTER_BITS);
		tiny.add(head(7));

		assertThat(tiny.mayHold(head(7))).isTrue();
	}

	private static long head(int n) {
		try {
			byte[] fingerprint = MessageDigest.getInstance("SHA-256")
				.digest(String.format("3715251985%08d|参保人%d|冠县清泉街道", n, n).getBytes(StandardCharsets.UTF_8));
			return VersionRunWriter.head(fingerprint, 0);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
