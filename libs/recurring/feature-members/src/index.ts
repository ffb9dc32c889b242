export { MembersModule } from './lib/members.module';
export { MemberChargeRequestDto } from './lib/http/member-charge.request.dto';
