package cn.datahub.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port, with the test profile: an in-memory database and an index of the context's own.
 * Test classes autowire the {@link HubClient} and the {@link CatalogueApi} that drive it over HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(HubClients.class)
public @interface HubTest {

	/**
	 * Properties of this hub's own, such as a relay timer switched off; they give the test class a context
	 * (database and index) apart from the others'.
	 */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

}
