package cn.datahub.catalogue;

/**
 * One data item (信息项) of a resource: an ASCII identifier such as {@code tyshxydm}, its Chinese title
 * (统一社会信用代码), its type (see {@link ItemType}) and whether every record must carry it.
 */
public record DataItem(String name, String title, String type, boolean required) {
}
