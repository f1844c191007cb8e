package cn.datahub.catalogue.reference;

/**
 * One of the 22 public-data domains (公共数据开放领域).
 */
public record Domain(String code, String name, String nameEn) {
}
