package cn.datahub.catalogue.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub of the classes that only read {@link CatalogueFixture}, loaded before each test: a context (database
 * and index) of their own, so that what other test classes store never shows in the exact result sets they compare.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HubTest(properties = "hub.test.context=search-fixture")
@ExtendWith(CatalogueFixture.class)
@interface SearchFixtureContext {

}
