package cn.datahub.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.datahub.testing.HubTest;

/**
 * The hub the audit tests share: a city hub (聊城市, 371500), so that an auditor of one of its counties (冠县) reads
 * less of the trail than one of the city.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HubTest(properties = { "hub.region-code=371500", "hub.test.context=audit" })
@interface AuditContext {

}
