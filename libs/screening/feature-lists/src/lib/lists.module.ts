import { Module } from '@nestjs/common';
import { ListsHttpController } from './lists.http.controller';

@Module({ controllers: [ListsHttpController] })
export class ListsModule {}
