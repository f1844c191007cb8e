package cn.datahub.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.datahub.testing.HubTest;

/**
 * The hub of the classes that only read {@link RateFixture}: a context (database and index) of their own, so
 * that what other test classes store never changes the hand-computed rates.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HubTest(properties = "hub.test.context=rate-fixture")
@interface ReportFixtureContext {

}
