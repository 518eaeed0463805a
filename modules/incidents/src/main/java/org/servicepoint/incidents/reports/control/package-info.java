/**
 * The report workflow ({@code IncidentReportStore}), its queries and views, answer and access rules, sealed text,
 * signatures and the PDF. The mail delivery is reached only through {@code ReportDistribution} and
 * {@code DeliveryTrail}, which the delivery component implements.
 */
package org.servicepoint.incidents.reports.control;
