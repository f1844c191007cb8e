package cn.datahub.catalogue.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hub of the classes that only read {@link CatalogueFixture}: a context (database and index) of their own,
 * so that what other test classes store never shows in the exact result sets they compare.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.test.context=search-fixture")
@ActiveProfiles("test")
@interface SearchFixtureContext {

}
