/** Bulk import and export of the catalogue in the compilers' template (信息资源目录), as XLSX or CSV. */
package cn.datahub.catalogue.transfer;
