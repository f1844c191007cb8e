/** The monthly progress report (月度进展报告) of a region, as a printable page, a CSV file or a workbook. */
package cn.datahub.report.progress;
