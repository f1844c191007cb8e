package cn.datahub.system;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The typed Elasticsearch client, pointed at {@code hub.elasticsearch.url} or, when that is unset, at the
 * node the hub manages itself.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean
	@ConditionalOnExpression("'${hub.elasticsearch.url:}'.isBlank()")
	ManagedNodeLifecycle managedElasticsearchNode(HubProperties properties) {
		HubProperties.Elasticsearch es = properties.elasticsearch();
		if (es.distribution() == null) {
			throw new IllegalStateException(
					"Neither hub.elasticsearch.url nor hub.elasticsearch.distribution is set");
		}
		return new ManagedNodeLifecycle(new ManagedElasticsearchNode(es.distribution(),
				properties.dataDir().resolve("elasticsearch"), es.heapMb(), es.port()));
	}

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(HubProperties properties, ObjectProvider<ManagedNodeLifecycle> managed) {
		String url = managed.stream().findFirst().map(node -> node.node().url())
			.orElse(properties.elasticsearch().url());
		return RestClient.builder(HttpHost.create(url)).build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(RestClient restClient, ObjectMapper objectMapper) {
		// A copy: JacksonJsonpMapper enables ACCEPT_SINGLE_VALUE_AS_ARRAY on the mapper it is given, which would make
		// the API accept "items": {...} as a list of one
		return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(objectMapper.copy())));
	}

}
