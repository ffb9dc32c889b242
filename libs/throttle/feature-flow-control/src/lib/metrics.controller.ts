import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FlowMetrics } from './flow-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: FlowMetrics) {}

  /** Prometheus text format. */
  @Get()
  scrape(@Req() request: Request, @Res() response: Response): void {
    this.metrics.serve(request, response);
  }
}
