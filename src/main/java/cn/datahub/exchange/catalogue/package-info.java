/**
 * The catalogue exchange with the upper platforms: the catalogue's changes pushed as {@code CatalogueEntry}
 * batches ({@link cn.datahub.exchange.catalogue.CataloguePush}) and this region's catalogue harvested back
 * ({@link cn.datahub.exchange.catalogue.CatalogueHarvest}); routes and API are their only callers.
 */
package cn.datahub.exchange.catalogue;
