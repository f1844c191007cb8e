package cn.datahub.catalogue.transfer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port, with the test profile. The profile's settings are repeated as test properties
 * because {@code ./config/application.yml}, found in the working directory when tests run from the project root,
 * outranks the classpath's {@code application-test.yml}: without them every context would share the file database
 * under {@code ./data}, load the sample catalogue and write to the production index name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		HubTest.IN_MEMORY_DATABASE, "hub.demo-data=false", "hub.data-dir=target/test-data",
		"hub.elasticsearch.index=test-${random.value}", "hub.index-relay.period-ms=200" })
@ActiveProfiles("test")
@interface HubTest {

	/** A database of the context's own, gone when the context closes. */
	String IN_MEMORY_DATABASE = "spring.datasource.url=jdbc:h2:mem:hub-${random.uuid};DB_CLOSE_DELAY=-1";

}
