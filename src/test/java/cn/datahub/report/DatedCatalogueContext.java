package cn.datahub.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.datahub.testing.HubTest;
import cn.datahub.testing.MutableClockConfiguration;

import org.springframework.context.annotation.Import;

/**
 * A hub of its own whose clock the test sets, for catalogues whose history spans months and years. The snapshot
 * timer is off: the tests take snapshots when they mean to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HubTest(properties = { "hub.test.context=dated-catalogue", "hub.reports.snapshot-check-ms=86400000" })
@Import(MutableClockConfiguration.class)
@interface DatedCatalogueContext {
}
